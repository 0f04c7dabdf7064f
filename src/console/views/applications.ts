import { html, raw } from "../../platform/html";
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, type ApplicationView } from "../../applications";
import { T } from "../texts";
import { countdown } from "./countdown";
import { shanghai } from "./format";
import { csrfField, layout, type Viewer } from "./layout";

/** 超期 when past its deadline (now or flagged before), 预警 at 80 % of it. */
export function marker(a: ApplicationView) {
  if (a.clock.overdue || a.supervision.overdueAt) return html`<span class="tag warn marker-overdue">${T("apps.overdue")}</span>`;
  if (a.supervision.warnedAt) return html`<span class="tag st-in_review marker-warning">${T("apps.warning")}</span>`;
  return "";
}

const deadline = (a: ApplicationView, now: Date) =>
  a.clock.stopped ? html`<span class="muted">${T("apps.stopped")}</span>` : a.clock.paused ? html`<span class="muted">${T("apps.paused")}</span>` : a.clock.problem ? html`<span class="error">${a.clock.problem}</span>` : countdown(a.clock.dueAt, now);

/** Search by number, or the department's applications with their markers. */
export function applicationListPage(o: { viewer: Viewer; number: string; supervision: string; items: ApplicationView[]; now: Date }): string {
  const rows = o.items.map(
    (a) => html`<tr><td><a href="/admin/applications/${a.number}">${a.number}</a></td><td>${a.itemName}</td><td>${a.department}</td><td><span class="tag">${a.statusLabel}</span></td><td>${deadline(a, o.now)} ${marker(a)}</td><td class="small">${shanghai(a.createdAt)}</td></tr>`,
  );
  const body = html`<form method="get" action="/admin/applications" class="toolbar" role="search"><input type="search" name="number" value="${o.number}" placeholder="${T("apps.number_placeholder")}" aria-label="${T("apps.number_placeholder")}">
<select name="supervision" aria-label="${T("apps.filter")}">${["", "warning", "overdue"].map((s) => html`<option value="${s}"${s === o.supervision ? raw(" selected") : ""}>${T(`apps.filter_${s || "all"}`)}</option>`)}</select><button type="submit">${T("search")}</button></form>
<div class="table-wrap"><table><thead><tr><th>${T("apps.col_number")}</th><th>${T("apps.col_item")}</th><th>${T("apps.col_department")}</th><th>${T("apps.col_status")}</th><th>${T("apps.col_deadline")}</th><th>${T("apps.col_created")}</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="6" class="muted">${T("apps.empty")}</td></tr>`}</tbody></table></div>`;
  return layout({ title: T("nav.applications"), viewer: o.viewer, active: "applications", body });
}

/** One application: clock and markers, the timeline, and only the steps the state machine allows next (`next`), by their labels. */
export function applicationPage(o: { viewer: Viewer; a: ApplicationView; next: readonly ApplicationStatus[]; canAct: boolean; now: Date; flash?: string }): string {
  const a = o.a;
  const steps = (a.timeline ?? []).map(
    (e) => html`<li><time>${shanghai(e.at)}</time> <strong>${e.label}</strong>${e.applied ? "" : html` <span class="tag">${T("apps.not_applied")}</span>`} <span class="muted">${e.actor ?? ""}</span>${e.note ? html`<div class="pre">${e.note}</div>` : ""}</li>`,
  );
  const form = o.canAct && o.next.length
    ? html`<form method="post" action="/admin/applications/${a.number}/transition" class="action">${csrfField(o.viewer)}<label class="field"><span>${T("apps.next")}</span><select name="status">${o.next.map(
        (s) => html`<option value="${s}">${APPLICATION_STATUS_LABELS[s]}</option>`,
      )}</select></label><label class="field"><span>${T("apps.note")}</span><input name="note" maxlength="500"></label><button type="submit">${T("apps.record")}</button></form>`
    : html`<p class="muted">${T("apps.no_next")}</p>`;
  const body = html`<div class="columns"><section class="card"><dl class="facts">
<dt>${T("apps.col_item")}</dt><dd>${a.itemName} <span class="muted small">${a.itemCode}</span></dd><dt>${T("apps.col_department")}</dt><dd>${a.department}</dd>
<dt>${T("apps.col_status")}</dt><dd><span class="tag" id="app-status">${a.statusLabel}</span> ${marker(a)}</dd>
<dt>${T("apps.limit")}</dt><dd>${a.clock.limit}</dd><dt>${T("apps.col_deadline")}</dt><dd>${deadline(a, o.now)}${a.clock.dueDate ? html` <span class="muted">${T("apps.due_date", { date: a.clock.dueDate })}</span>` : ""}</dd>
<dt>${T("apps.applicant")}</dt><dd>${a.applicant.name} ${a.applicant.phone ?? ""}</dd></dl></section>
<section class="card"><h2>${T("apps.next")}</h2>${form}</section></div>
<section class="card"><h2>${T("apps.timeline")}</h2><ol class="timeline">${steps}</ol></section>`;
  return layout({ title: T("apps.title", { number: a.number }), viewer: o.viewer, active: "applications", body, flash: o.flash });
}
