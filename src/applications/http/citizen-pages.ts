import { citizenPage, langQuery, messagePage, type PageLang } from "../../citizen-web";
import { html, type Raw } from "../../platform/html";
import { formatShanghai } from "../../platform/shanghai-time";
import { hasTemplate } from "../../platform/templates";
import type { ApplicationView } from "../presenters";
import { applicationsText } from "../texts";

const L = (lang: PageLang, id: string, vars?: Record<string, string | number>) => applicationsText(`my.${id}`, vars, lang);
const when = (iso: string | null) => (iso ? formatShanghai(new Date(iso)) : "");
/** A status in the page's language (`status.<value>` in templates/applications); the presenter's (zh) label otherwise. */
const statusOf = (status: string, fallback: string, lang: PageLang) =>
  hasTemplate("applications", lang, `status.${status}`) ? applicationsText(`status.${status}`, undefined, lang) : fallback;
const detailHref = (no: string, lang: PageLang) => `/applications/${encodeURIComponent(no)}${langQuery(lang)}`;

/** Where the clock stands: the due date, days left or overdue, paused. */
function deadline(v: ApplicationView, lang: PageLang): Raw | string {
  const c = v.clock;
  if (!c.started || !c.dueDate) return "";
  const state = c.overdue
    ? html`<span class="status overdue">${L(lang, "overdue")}</span>`
    : c.daysLeft !== null
      ? html`<span class="note"> ${L(lang, "days_left", { days: c.daysLeft })}</span>`
      : "";
  return html`<dt>${L(lang, "due")}</dt><dd>${c.dueDate}${state}${c.paused ? html`<div class="note">${L(lang, "paused")}</div>` : ""}${
    c.problem ? html`<div class="note">${c.problem}</div>` : ""
  }</dd>`;
}

/** GET /applications: the signed-in citizen's applications, newest first. */
export function myApplicationsPage(items: ApplicationView[], lang: PageLang): string {
  const body = items.length
    ? html`<section><ul class="records">${items.map(
        (v) => html`<li><a href="${detailHref(v.number, lang)}">${v.itemName}</a><span class="status">${statusOf(v.status, v.statusLabel, lang)}</span>
<div class="note">${v.number} · ${v.department}</div><dl>${deadline(v, lang)}</dl></li>`,
      )}</ul></section>`
    : html`<section><p>${L(lang, "empty")}</p></section>`;
  return citizenPage({ lang, title: L(lang, "title"), path: "/applications", body });
}

/** GET /applications/:number: one application with its time limit and every step so far. */
export function myApplicationPage(v: ApplicationView, lang: PageLang): string {
  const facts = html`<section><dl>
<dt>${L(lang, "number")}</dt><dd>${v.number}</dd>
<dt>${L(lang, "item")}</dt><dd>${v.itemName}</dd>
<dt>${L(lang, "department")}</dt><dd>${v.department}</dd>
<dt>${L(lang, "status")}</dt><dd>${statusOf(v.status, v.statusLabel, lang)}</dd>
${v.clock.acceptedAt ? html`<dt>${L(lang, "accepted")}</dt><dd>${when(v.clock.acceptedAt)}</dd>` : ""}
<dt>${L(lang, "limit")}</dt><dd>${v.clock.limit}</dd>
${deadline(v, lang)}
</dl></section>`;
  const steps = (v.timeline ?? []).filter((s) => s.applied);
  const timeline = steps.length
    ? html`<section><h2>${L(lang, "timeline")}</h2><ol class="timeline">${steps.map(
        (s) => html`<li>${statusOf(s.status, s.label, lang)} <span class="note">${when(s.at)}</span>${s.note ? html`<div class="reply">${s.note}</div>` : ""}</li>`,
      )}</ol></section>`
    : "";
  const back = html`<p><a href="/applications${langQuery(lang)}">${L(lang, "back")}</a></p>`;
  return citizenPage({ lang, title: L(lang, "detail_title", { number: v.number }), path: `/applications/${encodeURIComponent(v.number)}`, body: [facts, html`${timeline}`, back] });
}

/** Not one of the citizen's applications (or no such number): the same answer. */
export function myApplicationNotFoundPage(lang: PageLang, path: string): string {
  return messagePage({ lang, path, title: L(lang, "not_found_title"), text: L(lang, "not_found_text"), link: { href: `/applications${langQuery(lang)}`, text: L(lang, "back") } });
}
