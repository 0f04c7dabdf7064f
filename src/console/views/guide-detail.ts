import { html, raw } from "../../platform/html";
import { type EditingState, type FieldChange, type VersionRecord } from "../../catalog";
import { T } from "../texts";
import { shanghai } from "./format";
import { diffTable } from "./diff-table";
import { csrfField, layout, type Viewer } from "./layout";

const may = (v: Viewer, ...roles: string[]) => roles.includes(v.role);

/** The draft's state and the moves open to this viewer (edit, submit, review, retire). */
function draftPanel(v: Viewer, s: EditingState): unknown {
  const d = s.draft;
  const code = encodeURIComponent(s.code);
  const open = d && (d.status === "draft" || d.status === "in_review");
  const canEdit = may(v, "administrator", "editor") && d?.status !== "in_review";
  return html`<section class="card"><h2>${T("guide.draft")}</h2>
${d
  ? html`<dl class="facts"><dt>${T("guide.draft_state")}</dt><dd><span class="tag st-${d.status}" id="draft-status">${T(`draft_status.${d.status}`)}</span></dd>
<dt>${T("guide.revision")}</dt><dd>${d.revision}</dd><dt>${T("guide.updated_by")}</dt><dd>${d.updatedBy} · ${shanghai(d.updatedAt)}</dd>
${d.comment ? html`<dt>${T("guide.review_comment")}</dt><dd class="error">${d.comment}</dd>` : ""}</dl>`
  : html`<p class="muted">${T("guide.no_draft")}</p>`}
<div class="actions">
${canEdit ? html`<a class="button" href="/admin/guides/${code}/edit">${T(open ? "guide.edit_draft" : "guide.edit_new_draft")}</a>` : ""}
${d && open ? html`<a class="button secondary" href="/admin/guides/${code}/preview" target="_blank" rel="noopener">${T("guide.preview")}</a>` : ""}
${d?.status === "draft" && may(v, "administrator", "editor")
  ? html`<form method="post" action="/admin/guides/${code}/submit" class="inline">${csrfField(v)}<input type="hidden" name="revision" value="${d.revision}"><button type="submit">${T("guide.submit")}</button></form>`
  : ""}
${d?.status === "in_review" && may(v, "administrator", "reviewer") ? html`<a class="button" href="/admin/guides/${code}/review">${T("guide.review")}</a>` : ""}
</div></section>`;
}

function retirePanel(v: Viewer, s: EditingState): unknown {
  if (!s.listed || !s.published || !may(v, "administrator", "reviewer")) return "";
  return html`<section class="card"><h2>${T("guide.retire")}</h2><form method="post" action="/admin/guides/${encodeURIComponent(s.code)}/retire" data-confirm="${T("guide.retire_confirm")}">
${csrfField(v)}<label class="field"><span>${T("guide.retire_reason")}</span><input name="reason" required maxlength="200"></label><button type="submit" class="danger">${T("guide.retire_button")}</button></form></section>`;
}

/** One item for staff: what the public sees, the draft, version history, retirement. */
export function guideDetailPage(o: { viewer: Viewer; state: EditingState; name: string; versions: VersionRecord[]; flash?: string }): string {
  const s = o.state;
  const code = encodeURIComponent(s.code);
  const history = o.versions.map(
    (ver) => html`<tr><td><a href="/admin/guides/${code}/versions/${ver.version}">${T("guide.version_n", { version: ver.version })}</a></td><td>${ver.publishedBy}</td><td>${shanghai(ver.publishedAt)}</td><td>${ver.changes}</td></tr>`,
  );
  const body = html`<section class="card"><dl class="facts"><dt>${T("field.code")}</dt><dd><code>${s.code}</code></dd>
<dt>${T("guide.public_state")}</dt><dd>${s.published ? (s.listed ? html`<a href="/guides/${code}" target="_blank" rel="noopener">${T("guide.public_page", { version: s.published.version })}</a>` : html`<span class="tag warn">${T("guide.retired")}</span>`) : T("guide.unpublished")}</dd></dl></section>
${draftPanel(o.viewer, s)}
<section class="card"><h2>${T("guide.history")}</h2>${o.versions.length ? html`<div class="table-wrap"><table><thead><tr><th>${T("guide.col_version")}</th><th>${T("guide.col_by")}</th><th>${T("guide.col_at")}</th><th>${T("guide.col_changes")}</th></tr></thead><tbody>${history}</tbody></table></div>` : html`<p class="muted">${T("guide.unpublished")}</p>`}</section>
${retirePanel(o.viewer, s)}`;
  return layout({ title: o.name, viewer: o.viewer, active: "guides", body, flash: o.flash });
}

/** The reviewer's page: what changes against the published version, field by field; publish or reject (`own`: the viewer wrote part of it). */
export function guideReviewPage(o: { viewer: Viewer; state: EditingState; name: string; changes: FieldChange[]; own: boolean }): string {
  const s = o.state;
  const d = s.draft!;
  const code = encodeURIComponent(s.code);
  const own = o.own;
  const body = html`<section class="card"><p>${T("guide.review_intro", { version: s.published?.version ?? 0, revision: d.revision, by: d.updatedBy })}
 <a href="/admin/guides/${code}/preview" target="_blank" rel="noopener">${T("guide.preview")}</a></p>
${diffTable(o.changes)}</section>
<section class="card"><h2>${T("guide.decision")}</h2>${own ? html`<p class="error">${T("guide.own_draft")}</p>` : ""}
<form method="post" action="/admin/guides/${code}/publish" class="inline">${csrfField(o.viewer)}<input type="hidden" name="revision" value="${d.revision}"><button type="submit"${own ? raw(" disabled") : ""}>${T("guide.publish")}</button></form>
<form method="post" action="/admin/guides/${code}/reject">${csrfField(o.viewer)}<input type="hidden" name="revision" value="${d.revision}">
<label class="field"><span>${T("guide.reject_comment")}</span><textarea name="comment" rows="3" required maxlength="1000"></textarea></label><button type="submit" class="danger">${T("guide.reject")}</button></form></section>`;
  return layout({ title: T("guide.review_title", { name: o.name }), viewer: o.viewer, active: "guides", body });
}

/** One published version's changes from the version before it. */
export function versionPage(o: { viewer: Viewer; code: string; version: number; publishedBy: string; publishedAt: Date; changes: FieldChange[] }): string {
  const body = html`<section class="card"><p>${T("guide.version_intro", { version: o.version, by: o.publishedBy, at: shanghai(o.publishedAt) })}</p>${diffTable(o.changes)}
<p><a href="/admin/guides/${encodeURIComponent(o.code)}">${T("back")}</a></p></section>`;
  return layout({ title: T("guide.version_title", { code: o.code, version: o.version }), viewer: o.viewer, active: "guides", body });
}
