import { html } from "../../platform/html";
import { T } from "../texts";
import { shanghai } from "./format";

/** "剩余2天3小时" / "已超期5小时": the time to a deadline in words staff read at a glance. */
export function remainingText(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(mins / 1440), h = Math.floor((mins % 1440) / 60), m = mins % 60;
  const span = d ? T("countdown.days_hours", { d, h }) : h ? T("countdown.hours_minutes", { h, m }) : T("countdown.minutes", { m });
  return T(ms >= 0 ? "countdown.left" : "countdown.over", { span });
}

/** A deadline with its countdown; console.js keeps the words current while the page is open. */
export function countdown(due: string | null, now: Date) {
  if (!due) return html`<span class="muted">${T("countdown.none")}</span>`;
  const d = new Date(due);
  const late = d.getTime() < now.getTime();
  const soon = !late && d.getTime() - now.getTime() < 24 * 3_600_000;
  return html`<span class="countdown${late ? " late" : soon ? " soon" : ""}" data-deadline="${due}" title="${shanghai(d)}">${remainingText(d, now)}</span>`;
}
