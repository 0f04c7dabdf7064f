import type { ItemRecord } from "../items/get-item";
import { translateGuide, type Lang } from "../translate";
import { html, safeHref } from "../../platform/html";
import { field, label as L } from "./labels";
import { guideSections } from "./sections";
import { shanghaiDateTime } from "./format";
import { assistantHint, langQuery, langSwitch, layout } from "./layout";

const switchFor = (code: string, lang: Lang) => langSwitch(lang, (l) => `/guides/${encodeURIComponent(code)}${langQuery(l)}`);

/** The published guide as a mobile-first, printable page; translated fields fall back to Chinese. */
export function renderGuidePage(item: ItemRecord, lang: Lang, hotline: string): string {
  if (!item.guide) return renderCatalogOnlyPage(item, lang, hotline);
  const { guide } = translateGuide(item.guide, lang);
  const header = html`${switchFor(item.code, lang)}<h1>${guide.name}</h1>${guide.aliases.length ? html`<p>${field(lang, L(lang, "aliases"), guide.aliases.join(L(lang, "list_separator")))}</p>` : ""}`;
  const updated = L(lang, "updated", { date: shanghaiDateTime(item.updatedAt), version: item.version ?? 1 });
  const body = [
    html`<div class="actions"><a href="/guides${langQuery(lang)}">${L(lang, "index_link")}</a><button type="button" data-print>${L(lang, "print")}</button></div>`,
    ...guideSections(guide, lang),
    assistantHint(lang),
    html`<footer><p id="updated">${updated}</p></footer>`,
  ];
  return layout(lang, `${guide.name} - ${L(lang, "title_suffix")}`, header, body);
}

/** A catalog-only item: who handles it, and honestly that no detailed guide is published yet. */
export function renderCatalogOnlyPage(item: ItemRecord, lang: Lang, hotline: string): string {
  const dept = item.department?.name;
  const body = html`<section><p>${L(lang, "no_guide")}</p>${dept ? html`<p>${L(lang, "no_guide_department", { department: dept })}</p>` : ""}<p>${L(
    lang,
    "no_guide_more",
    { hotline },
  )}</p>${safeHref(item.link) ? html`<p><a href="${safeHref(item.link)}" rel="noopener">${L(lang, "catalog_link")}</a></p>` : ""}<dl><dt>${L(lang, "code")}</dt><dd>${item.code}</dd>${
    item.type ? html`<dt>${L(lang, "type")}</dt><dd>${item.type}</dd>` : ""
  }</dl></section>`;
  return layout(lang, item.name, html`${switchFor(item.code, lang)}<h1>${item.name}</h1>`, [body, assistantHint(lang)]);
}

export function renderNotFoundPage(code: string, lang: Lang, hotline: string): string {
  return layout(
    lang,
    L(lang, "not_found_title"),
    html`<h1>${L(lang, "not_found_title")}</h1>`,
    html`<section><p>${L(lang, "not_found_text", { code })}</p><p>${L(lang, "not_found_back", { hotline })}</p></section>`,
  );
}
