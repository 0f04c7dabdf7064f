import { html } from "../../platform/html";
import type { Dashboard } from "../presenters";
import { T } from "../texts";
import { layout, type Viewer } from "./layout";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

function table(id: string, head: string[], rows: (string | number)[][]) {
  return html`<div class="table-wrap"><table id="${id}" class="figures"><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((v) => html`<td>${v}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

/**
 * Charts (ECharts, drawn by dashboard.js from GET /api/v1/admin/dashboard) over the same figures
 * as tables, so the page reads without a script and the test compares both with the API.
 */
export function dashboardPage(o: { viewer: Viewer; d: Dashboard }): string {
  const c = o.d.complaints;
  const none = (v: string | null, id: string) => v ?? T(id);
  const body = html`<div class="kpis">
<div class="kpi"><span>${T("dash.complaints_total")}</span><strong id="kpi-total">${c.total}</strong></div>
<div class="kpi"><span>${T("dash.on_time_rate")}</span><strong id="kpi-ontime">${pct(c.onTime.rate)}</strong><small>${T("dash.on_time_detail", { onTime: c.onTime.onTime, late: c.onTime.late, open: c.onTime.openOverdue })}</small></div>
<div class="kpi"><span>${T("dash.unanswered")}</span><strong id="kpi-unanswered">${o.d.unanswered.distinct}</strong></div></div>
<div class="charts">
<section class="card wide"><h2>${T("dash.questions")}</h2><div class="chart" data-chart="questions"></div>${table("t-questions", [T("dash.day"), T("dash.asked"), T("dash.unanswered_asks"), T("dash.answered_share")], o.d.questions.map((r) => [r.day, r.asked, r.unanswered, pct(r.answeredShare)]))}</section>
<section class="card"><h2>${T("dash.by_category")}</h2><div class="chart" data-chart="category"></div>${table("t-category", [T("dash.category"), T("dash.count")], c.byCategory.map((r) => [none(r.category, "dash.unclassified"), r.count]))}</section>
<section class="card"><h2>${T("dash.by_department")}</h2><div class="chart" data-chart="department"></div>${table("t-department", [T("dash.department"), T("dash.count")], c.byDepartment.map((r) => [none(r.department, "dash.undispatched"), r.count]))}</section>
<section class="card"><h2>${T("dash.satisfaction")}</h2><div class="chart" data-chart="satisfaction"></div>${table("t-satisfaction", [T("dash.level"), T("dash.count")], c.satisfaction.map((r) => [r.level, r.count]))}</section>
<section class="card"><h2>${T("dash.applications")}</h2><div class="chart" data-chart="applications"></div>${table("t-applications", [T("dash.department"), T("dash.warning"), T("dash.overdue")], o.d.applications.map((r) => [r.department, r.warning, r.overdue]))}</section>
<section class="card"><h2>${T("dash.top_unanswered")}</h2>${table("t-unanswered", [T("dash.question"), T("dash.count")], o.d.unanswered.top.map((r) => [r.question, r.count]))}</section>
</div>`;
  // The charts' words come from here (texts stay in templates/), read by dashboard.js.
  const labels = { unclassified: T("dash.unclassified"), undispatched: T("dash.undispatched"), tickets: T("dash.count"), warning: T("dash.warning"), overdue: T("dash.overdue"), asked: T("dash.asked"), share: T("dash.answered_share"), no_ratings: T("dash.no_ratings") };
  return layout({ title: T("nav.dashboard"), viewer: o.viewer, active: "dashboard", body: html`<div id="dashboard" data-labels="${JSON.stringify(labels)}">${body}</div>`, scripts: ["echarts.min.js", "dashboard.js"] });
}
