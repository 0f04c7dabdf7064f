import { html, raw } from "../../platform/html";
import type { StaffComplaintView } from "../../complaints";
import type { Queue } from "../complaints/queues";
import { T } from "../texts";
import { countdown } from "./countdown";
import { shanghai } from "./format";
import { csrfField, layout, type Viewer } from "./layout";

/** The deadline that matters now: signing while dispatched, replying afterwards. */
export const dueOf = (c: StaffComplaintView): string | null => (c.status === "dispatched" ? c.deadlines.signDueAt : c.deadlines.replyDueAt);

/** One queue of tickets with their deadline countdowns. */
export function complaintListPage(o: { viewer: Viewer; queue: Queue; queues: readonly Queue[]; items: StaffComplaintView[]; now: Date; canSupervise: boolean; flash?: string }): string {
  const tabs = html`<nav class="tabs">${o.queues.map((q) => html`<a href="/admin/complaints?queue=${q}"${q === o.queue ? raw(' class="on" aria-current="page"') : ""}>${T(`complaints.queue.${q}`)}</a>`)}</nav>`;
  const rows = o.items.map(
    (c) => html`<tr${c.urgent ? raw(' class="urgent"') : ""}><td><a href="/admin/complaints/${c.ticketNo}">${c.ticketNo}</a>${c.urgent ? html` <span class="tag warn">${T("complaints.urgent")}</span>` : ""}</td>
<td class="text-cell">${c.text.slice(0, 60)}</td><td>${c.category ?? ""}</td><td>${c.department ?? c.suggestedDepartment ?? ""}</td>
<td><span class="tag">${c.statusLabel}</span></td><td>${countdown(dueOf(c), o.now)}</td><td class="small">${shanghai(c.createdAt)}</td></tr>`,
  );
  const body = html`${tabs}${o.queue === "overdue" && o.canSupervise
    ? html`<form method="post" action="/admin/complaints/supervise" class="inline">${csrfField(o.viewer)}<button type="submit" class="secondary">${T("complaints.run_supervision")}</button></form>`
    : ""}
<div class="table-wrap"><table><thead><tr><th>${T("complaints.col_ticket")}</th><th>${T("complaints.col_text")}</th><th>${T("complaints.col_category")}</th><th>${T("complaints.col_department")}</th><th>${T("complaints.col_status")}</th><th>${T("complaints.col_deadline")}</th><th>${T("complaints.col_created")}</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="7" class="muted">${T("complaints.empty")}</td></tr>`}</tbody></table></div>`;
  return layout({ title: T("nav.complaints"), viewer: o.viewer, active: "complaints", body, flash: o.flash });
}
