import { html, raw } from "../../platform/html";
import { type StaffItemRecord } from "../../catalog";
import { T } from "../texts";
import { shanghai } from "./format";
import { layout, type Viewer } from "./layout";

const STATUSES = ["draft", "in_review", "rejected", "published"] as const;

/** Every item, searchable, with its draft's state; editors can start a new one. */
export function guideListPage(o: { viewer: Viewer; q: string; status: string; items: StaffItemRecord[]; total: number; page: number; pageSize: number; flash?: string }): string {
  const rows = o.items.map(
    (i) => html`<tr><td><a href="/admin/guides/${encodeURIComponent(i.code)}">${i.name}</a><div class="muted small">${i.code}</div></td>
<td>${i.department?.name ?? ""}</td><td>${i.currentVersion ? T("guide.version_n", { version: i.currentVersion.version }) : T("guide.unpublished")}${i.listed ? "" : html` <span class="tag warn">${T("guide.retired")}</span>`}</td>
<td>${i.draft ? html`<span class="tag st-${i.draft.status}">${T(`draft_status.${i.draft.status}`)}</span>` : ""}</td><td class="small">${shanghai(i.draft?.updatedAt ?? i.updatedAt)}</td></tr>`,
  );
  const pages = Math.max(1, Math.ceil(o.total / o.pageSize));
  const q = (p: number) => `/admin/guides?q=${encodeURIComponent(o.q)}&status=${encodeURIComponent(o.status)}&page=${p}`;
  const body = html`<form method="get" action="/admin/guides" class="toolbar" role="search">
<input type="search" name="q" value="${o.q}" placeholder="${T("guide.search_placeholder")}" aria-label="${T("guide.search_placeholder")}">
<select name="status" aria-label="${T("guide.draft_state")}"><option value="">${T("guide.all_states")}</option>${STATUSES.map(
    (s) => html`<option value="${s}"${s === o.status ? raw(" selected") : ""}>${T(`draft_status.${s}`)}</option>`,
  )}</select><button type="submit">${T("search")}</button>
${["administrator", "editor"].includes(o.viewer.role) ? html`<a class="button secondary" href="/admin/guides/new">${T("guide.new_item")}</a>` : ""}</form>
<p class="muted">${T("guide.total", { total: o.total })}</p>
<div class="table-wrap"><table><thead><tr><th>${T("guide.col_name")}</th><th>${T("guide.col_department")}</th><th>${T("guide.col_published")}</th><th>${T("guide.col_draft")}</th><th>${T("guide.col_updated")}</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<nav class="pager">${o.page > 1 ? html`<a href="${q(o.page - 1)}">${T("prev_page")}</a>` : ""}<span>${o.page} / ${pages}</span>${o.page < pages ? html`<a href="${q(o.page + 1)}">${T("next_page")}</a>` : ""}</nav>`;
  return layout({ title: T("nav.guides"), viewer: o.viewer, active: "guides", body, flash: o.flash });
}
