import { html } from "../../platform/html";
import type { GapRow } from "../gaps/list-gaps";
import { labelOr, T } from "../texts";
import { shanghai } from "./format";
import { csrfField, layout, type Viewer } from "./layout";

/** The most asked unanswered questions, each with "add as a synonym of item X" and "start a guide". */
export function gapsPage(o: { viewer: Viewer; rows: GapRow[]; total: number; canEdit: boolean; flash?: string }): string {
  const rows = o.rows.map(
    (q) => html`<tr data-question="${q.id}"><td class="text-cell">${q.question}</td><td class="count">${q.count}</td><td><span class="tag">${labelOr(`gaps.outcome.${q.outcome}`, q.outcome)}</span></td><td class="small">${shanghai(q.lastAskedAt)}</td>
<td>${o.canEdit
      ? html`<form method="post" action="/admin/gaps/${q.id}/synonym" class="gap-form">${csrfField(o.viewer)}
<label class="field"><span>${T("gaps.terms")}</span><input name="terms" value="${q.question}" required maxlength="200"></label>
<label class="field"><span>${T("gaps.canonical")}</span><input name="canonical" value="${q.best?.name ?? ""}" required maxlength="200"></label>
<button type="submit">${T("gaps.add_synonym")}</button> <a class="button secondary" href="/admin/guides/new?name=${encodeURIComponent(q.question.slice(0, 60))}&amp;from=${q.id}">${T("gaps.start_guide")}</a></form>`
      : ""}</td></tr>`,
  );
  const body = html`<p class="muted">${T("gaps.intro", { total: o.total })}</p><div class="table-wrap"><table><thead><tr><th>${T("gaps.question")}</th><th>${T("gaps.count")}</th><th>${T("gaps.outcome_col")}</th><th>${T("gaps.last")}</th><th>${T("gaps.do")}</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="5" class="muted">${T("gaps.empty")}</td></tr>`}</tbody></table></div>`;
  return layout({ title: T("nav.gaps"), viewer: o.viewer, active: "gaps", body, flash: o.flash });
}
