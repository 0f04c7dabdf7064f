import { html, raw } from "../../platform/html";
import { labelOr, T } from "../texts";
import { shanghai } from "./format";
import { layout, type Viewer } from "./layout";

export interface AuditRow {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  diff: unknown;
  at: Date;
}

const ENTITIES = ["", "item", "synonym", "question", "complaint_route", "holiday_year", "staff_account"];

/** The audit log, newest first, filtered by what was changed and by whom. */
export function auditPage(o: { viewer: Viewer; entity: string; actor: string; rows: AuditRow[]; total: number; page: number; pageSize: number }): string {
  const pages = Math.max(1, Math.ceil(o.total / o.pageSize));
  const link = (p: number) => `/admin/audit?entity=${encodeURIComponent(o.entity)}&actor=${encodeURIComponent(o.actor)}&page=${p}`;
  const entityName = o.entity.split(":")[0] ?? "";
  const body = html`<form method="get" action="/admin/audit" class="toolbar"><select name="entity" aria-label="${T("audit.entity")}">${ENTITIES.map(
    (e) => html`<option value="${e}"${e === entityName ? raw(" selected") : ""}>${T(`audit.entities.${e || "all"}`)}</option>`,
  )}</select><input name="actor" value="${o.actor}" placeholder="${T("audit.actor")}" aria-label="${T("audit.actor")}"><button type="submit">${T("search")}</button></form>
<p class="muted">${T("audit.total", { total: o.total })}</p>
<div class="table-wrap"><table id="audit"><thead><tr><th>${T("audit.at")}</th><th>${T("audit.actor")}</th><th>${T("audit.action")}</th><th>${T("audit.entity")}</th><th>${T("audit.change")}</th></tr></thead><tbody>${o.rows.map(
    (r) => html`<tr><td class="small">${shanghai(r.at)}</td><td>${r.actor}</td><td><code>${r.action}</code></td><td>${labelOr(`audit.entities.${r.entity}`, r.entity)} <span class="muted">${r.entityId}</span></td><td class="small text-cell"><code>${JSON.stringify(r.diff ?? null).slice(0, 300)}</code></td></tr>`,
  )}</tbody></table></div>
<nav class="pager">${o.page > 1 ? html`<a href="${link(o.page - 1)}">${T("prev_page")}</a>` : ""}<span>${o.page} / ${pages}</span>${o.page < pages ? html`<a href="${link(o.page + 1)}">${T("next_page")}</a>` : ""}</nav>`;
  return layout({ title: T("nav.audit"), viewer: o.viewer, active: "audit", body });
}
