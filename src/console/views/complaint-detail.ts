import { html, raw, type Raw } from "../../platform/html";
import { SATISFACTION_LEVELS, type StaffComplaintView } from "../../complaints";
import type { ComplaintAction } from "../complaints/offered-actions";
import { labelOr, T } from "../texts";
import { countdown } from "./countdown";
import { shanghai } from "./format";
import { csrfField, layout, type Viewer } from "./layout";

const text = (name: string, label: string, value = "", required = true) =>
  html`<label class="field"><span>${label}</span><textarea name="${name}" rows="3"${required ? raw(" required") : ""}>${value}</textarea></label>`;
const line = (name: string, label: string, value = "", required = true) =>
  html`<label class="field"><span>${label}</span><input name="${name}" value="${value}"${required ? raw(" required") : ""}></label>`;
const yesNo = (name: string, label: string) =>
  html`<label class="field"><span>${label}</span><select name="${name}"><option value="true">${T("yes")}</option><option value="false">${T("no")}</option></select></label>`;

function fields(a: ComplaintAction, c: StaffComplaintView): Raw {
  switch (a) {
    case "dispatch": return html`${line("department", T("complaints.f.department"), c.suggestedDepartment ?? "")}${line("note", T("complaints.f.note"), "", false)}`;
    case "merge": return line("intoTicketNo", T("complaints.f.into"), c.possibleDuplicates[0] ?? "");
    case "return": case "reopen": case "appeal": return text("reason", T("complaints.f.reason"));
    case "progress": case "visit": return text("note", T("complaints.f.note"));
    case "extension": return html`${line("workdays", T("complaints.f.workdays"), "5")}${text("reason", T("complaints.f.reason"))}`;
    case "extension/decision": return html`${yesNo("approve", T("complaints.f.approve"))}${line("note", T("complaints.f.note"), "", false)}`;
    case "reply": return text("replyText", T("complaints.f.reply"));
    case "rating":
      return html`<label class="field"><span>${T("complaints.f.satisfaction")}</span><select name="satisfaction">${SATISFACTION_LEVELS.map((s) => html`<option>${s}</option>`)}</select></label>${line("comment", T("complaints.f.comment"), "", false)}`;
    case "close": return line("note", T("complaints.f.note"), "", false);
    case "rectification/recheck": return html`${yesNo("passed", T("complaints.f.passed"))}${text("note", T("complaints.f.note"))}`;
    case "appeal/decision": return html`${yesNo("upheld", T("complaints.f.upheld"))}${text("note", T("complaints.f.note"))}`;
    default: return html``;
  }
}

function actionForm(v: Viewer, c: StaffComplaintView, a: ComplaintAction): Raw {
  return html`<form method="post" action="/admin/complaints/${c.ticketNo}/${a}" class="action" data-action="${a}"><h3>${T(`complaints.action.${a}`)}</h3>${csrfField(v)}${fields(a, c)}<button type="submit">${T(`complaints.action.${a}`)}</button></form>`;
}

function facts(c: StaffComplaintView, now: Date): Raw {
  const conf = c.confidence === null ? "" : `${Math.round(c.confidence * 100)}%`;
  return html`<dl class="facts">
<dt>${T("complaints.col_status")}</dt><dd><span class="tag" id="status">${c.statusLabel}</span>${c.urgent ? html` <span class="tag warn">${T("complaints.urgent")}</span>` : ""}</dd>
<dt>${T("complaints.col_text")}</dt><dd class="pre">${c.text}</dd>
${c.address ? html`<dt>${T("complaints.address")}</dt><dd>${c.address}</dd>` : ""}
<dt>${T("complaints.suggestion")}</dt><dd id="suggestion">${c.category ?? T("complaints.unclassified")}${c.suggestedDepartment ? html` → ${c.suggestedDepartment}` : ""}${conf ? html` <span class="tag">${T("complaints.confidence", { p: conf })}</span>` : ""}</dd>
<dt>${T("complaints.col_department")}</dt><dd>${c.department ?? T("complaints.not_dispatched")}</dd>
${c.possibleDuplicates.length ? html`<dt>${T("complaints.duplicates")}</dt><dd>${c.possibleDuplicates.map((d) => html`<a href="/admin/complaints/${d}">${d}</a> `)}</dd>` : ""}
<dt>${T("complaints.sign_due")}</dt><dd>${countdown(c.status === "dispatched" ? c.deadlines.signDueAt : null, now)}</dd>
<dt>${T("complaints.reply_due")}</dt><dd>${c.repliedAt ? T("complaints.replied_at", { at: shanghai(c.repliedAt) }) : countdown(c.deadlines.replyDueAt, now)}</dd>
${c.contact ? html`<dt>${T("complaints.contact")}</dt><dd>${c.contact.name ?? ""} ${c.contact.phone ?? ""}</dd>` : ""}
${c.replyText ? html`<dt>${T("complaints.reply")}</dt><dd class="pre" id="reply">${c.replyText}</dd>` : ""}
<dt>${T("complaints.rating")}</dt><dd>${c.satisfaction ?? T("complaints.not_rated")}</dd>
<dt>${T("complaints.rectification")}</dt><dd>${labelOr(`complaints.rect.${c.rectification}`, c.rectification)}${c.rectificationDueAt ? html` ${countdown(c.rectificationDueAt, now)}` : ""}</dd>
${c.appeal !== "none" ? html`<dt>${T("complaints.appeal")}</dt><dd>${labelOr(`complaints.appeal_state.${c.appeal}`, c.appeal)}</dd>` : ""}
</dl>`;
}

/** One ticket: facts, the classifier's suggestion, deadlines, the timeline, and the moves open now. */
export function complaintDetailPage(o: { viewer: Viewer; c: StaffComplaintView; actions: ComplaintAction[]; now: Date; statusLabels: Record<string, string>; flash?: string }): string {
  const c = o.c;
  const events = (c.events ?? []).map(
    (e) => html`<li><time>${shanghai(e.at)}</time> <strong>${labelOr(`complaints.event.${e.type}`, e.type)}</strong>${e.to ? html` → ${o.statusLabels[e.to] ?? e.to}` : ""} <span class="muted">${e.actor}</span>${e.note ? html`<div class="pre">${e.note}</div>` : ""}</li>`,
  );
  const body = html`<div class="columns"><section class="card">${facts(c, o.now)}</section>
<section class="card"><h2>${T("complaints.actions")}</h2>${o.actions.length ? o.actions.map((a) => actionForm(o.viewer, c, a)) : html`<p class="muted">${T("complaints.no_actions")}</p>`}</section></div>
<section class="card"><h2>${T("complaints.timeline")}</h2><ol class="timeline">${events}</ol></section>`;
  return layout({ title: T("complaints.ticket_title", { ticket: c.ticketNo }), viewer: o.viewer, active: "complaints", body, flash: o.flash });
}
