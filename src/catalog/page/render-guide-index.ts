import type { Lang } from "../translate";
import { html, type Raw } from "../../platform/html";
import { label as L } from "./labels";
import { assistantHint, langQuery, langSwitch, layout } from "./layout";

/** One row of the index: an item and who handles it. */
export interface IndexEntry {
  code: string;
  name: string;
  department?: string | undefined;
  hasGuide: boolean;
}

export interface GuideIndexView {
  lang: Lang;
  /** The search words, when the citizen searched. */
  q?: string | undefined;
  /** The department chosen, when the citizen filtered by one. */
  department?: string | undefined;
  /** Search hits or the department's items (absent when neither was asked for). */
  results?: { entries: IndexEntry[]; total: number } | undefined;
  departments: { name: string; itemCount: number }[];
  mostAsked: IndexEntry[];
}

const guideHref = (code: string, lang: Lang) => `/guides/${encodeURIComponent(code)}${langQuery(lang)}`;
const indexHref = (lang: Lang, params: Record<string, string | undefined> = {}) => {
  const all: Record<string, string | undefined> = { ...params, lang: lang === "zh" ? undefined : lang };
  const q = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  const s = q.toString();
  return s ? `/guides?${s}` : "/guides";
};

function entryList(entries: IndexEntry[], lang: Lang, cls = "items"): Raw {
  return html`<ul class="${cls}">${entries.map(
    (e) => html`<li><a href="${guideHref(e.code, lang)}">${e.name}</a>${e.hasGuide ? "" : html`<span class="tag">${L(lang, "index_no_guide")}</span>`}${
      e.department ? html`<div class="note">${e.department}</div>` : ""
    }</li>`,
  )}</ul>`;
}

/** The search form: a plain GET form, so it works without JavaScript. */
function searchForm(v: GuideIndexView): Raw {
  return html`<form class="search" method="get" action="/guides" role="search">
<label for="q">${L(v.lang, "index_search_label")}</label>
<div class="row"><input id="q" name="q" type="search" maxlength="100" value="${v.q ?? ""}" placeholder="${L(v.lang, "index_search_placeholder")}" enterkeyhint="search">${
    v.lang === "zh" ? "" : html`<input type="hidden" name="lang" value="${v.lang}">`
  }<button type="submit">${L(v.lang, "index_search_button")}</button></div></form>`;
}

function results(v: GuideIndexView): Raw | null {
  if (!v.results) return null;
  const title = v.q ? L(v.lang, "index_results", { q: v.q, total: v.results.total }) : L(v.lang, "index_department_items", { department: v.department ?? "", total: v.results.total });
  const body = v.results.entries.length ? entryList(v.results.entries, v.lang) : html`<p>${L(v.lang, v.q ? "index_no_results" : "index_department_empty")}</p>`;
  return html`<section id="results"><h2>${title}</h2>${body}<p><a href="${indexHref(v.lang)}">${L(v.lang, "index_clear")}</a></p></section>`;
}

function departments(v: GuideIndexView): Raw | null {
  if (!v.departments.length) return null;
  const items = v.departments.map((d) =>
    d.name === v.department
      ? html`<li><strong aria-current="true">${d.name}</strong> <span class="note">${d.itemCount}</span></li>`
      : html`<li><a href="${indexHref(v.lang, { department: d.name })}">${d.name}</a> <span class="note">${d.itemCount}</span></li>`,
  );
  return html`<section id="departments"><h2>${L(v.lang, "index_departments")}</h2><ul class="departments">${items}</ul></section>`;
}

/** GET /guides: search, the most asked items, and the departments with their items. */
export function renderGuideIndex(v: GuideIndexView): string {
  const header = html`${langSwitch(v.lang, (l) => indexHref(l, { q: v.q, department: v.department }))}<h1>${L(v.lang, "index_title")}</h1><p>${L(v.lang, "index_intro")}</p>`;
  const body = [
    searchForm(v),
    results(v),
    v.mostAsked.length ? html`<section id="most-asked"><h2>${L(v.lang, "index_most_asked")}</h2>${entryList(v.mostAsked, v.lang)}</section>` : null,
    departments(v),
    assistantHint(v.lang),
  ].filter((s): s is Raw => s !== null);
  return layout(v.lang, L(v.lang, "index_title"), header, body);
}
