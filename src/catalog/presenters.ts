import crypto from "node:crypto";
import type { ItemSummaryRecord } from "./items/list-items";
import type { ItemRecord } from "./items/get-item";
import type { DepartmentRecord } from "./items/list-departments";
import type { DraftRecord } from "./drafts/draft-record";
import type { VersionRecord } from "./versions/list-versions";
import type { GuideIndexData } from "./page/load-guide-index";
import type { GuideIndexView } from "./page/render-guide-index";
import { translateGuide, type Lang } from "./translate";

/** The only place that decides the public JSON shapes of the catalog. */
export function presentItemSummary(r: ItemSummaryRecord, baseUrl: string) {
  return {
    code: r.code,
    name: r.name,
    aliases: r.aliases,
    type: r.type,
    audience: r.audience,
    region: r.region,
    department: r.department ? { id: r.department.id, name: r.department.name, region: r.department.region } : null,
    hasGuide: r.hasGuide,
    version: r.currentVersion?.version ?? null,
    updatedAt: (r.currentVersion?.publishedAt ?? r.updatedAt).toISOString(),
    pageUrl: guidePageUrl(baseUrl, r.code),
  };
}

export function presentItemDetail(r: ItemRecord, lang: Lang, baseUrl: string) {
  const common = {
    code: r.code,
    lang,
    department: r.department ? { name: r.department.name, region: r.department.region } : null,
    hasGuide: r.hasGuide,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    pageUrl: guidePageUrl(baseUrl, r.code, lang),
  };
  if (!r.guide) {
    return { ...common, name: r.name, type: r.type, region: r.region, taskType: r.taskType, link: r.link };
  }
  const { guide, translated } = translateGuide(r.guide, lang);
  const { translations, ...fields } = guide;
  return { ...common, ...fields, translated, languages: Object.keys(translations ?? {}) };
}

export function presentDepartment(d: DepartmentRecord) {
  return { id: d.id, name: d.name, code: d.code, region: d.region, itemCount: d.itemCount, guideCount: d.guideCount };
}

export const presentDepartmentList = (departments: DepartmentRecord[]) => ({ departments: departments.map(presentDepartment) });

/** A page of the public listing. */
export function presentItemPage(r: { items: ItemSummaryRecord[]; total: number }, p: { page: number; pageSize: number }, baseUrl: string) {
  return { items: r.items.map((i) => presentItemSummary(i, baseUrl)), total: r.total, page: p.page, pageSize: p.pageSize };
}

export function guidePageUrl(baseUrl: string, code: string, lang: Lang = "zh"): string {
  return `${baseUrl.replace(/\/$/, "")}/guides/${encodeURIComponent(code)}${lang === "zh" ? "" : `?lang=${lang}`}`;
}

/** Strong ETag over the exact JSON sent (RFC 9110 §8.8.3). */
export function etagOf(body: unknown): string {
  return `"${crypto.createHash("sha1").update(JSON.stringify(body)).digest("base64url")}"`;
}

/** If-None-Match matches when any listed tag (weak comparison, RFC 9110 §13.1.2) equals ours, or "*". */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}

// Staff views: the records as stored, times as ISO strings.
export const presentDraft = (d: DraftRecord) => ({ ...d, updatedAt: d.updatedAt.toISOString() });
export const presentVersion = <T extends { publishedAt: Date }>(v: T) => ({ ...v, publishedAt: v.publishedAt.toISOString() });
export const presentSynonym = <T extends { createdAt: Date }>(s: T) => ({ ...s, createdAt: s.createdAt.toISOString() });
export const presentQuestion = <T extends { firstAskedAt: Date; lastAskedAt: Date }>(q: T) => ({
  ...q,
  firstAskedAt: q.firstAskedAt.toISOString(),
  lastAskedAt: q.lastAskedAt.toISOString(),
});

/** A published draft: the item, its new version, and how many fields changed. */
export const presentPublication = (r: { code: string; version: number; changes: number }) => ({ code: r.code, version: r.version, changes: r.changes });
export const presentVersionList = (versions: VersionRecord[]) => ({ versions: versions.map(presentVersion) });
export const presentSynonymList = <T extends { createdAt: Date }>(rows: T[]) => ({ synonyms: rows.map(presentSynonym) });
export const presentRemovedSynonym = (id: string) => ({ removed: id });

type Paging = { page: number; pageSize: number };
export const presentQuestionPage = <T extends { firstAskedAt: Date; lastAskedAt: Date }>(r: { questions: T[]; total: number }, p: Paging) => ({
  questions: r.questions.map(presentQuestion),
  total: r.total,
  page: p.page,
  pageSize: p.pageSize,
});

/** The H5 guide index's view: each hit as a row of the list (name, who handles it, whether a guide exists). */
export function presentGuideIndex(lang: Lang, d: GuideIndexData): GuideIndexView {
  const results = d.found && { total: d.found.total, entries: d.found.items.map((i) => ({ code: i.code, name: i.name, department: i.department?.name, hasGuide: i.hasGuide })) };
  return { lang, q: d.q, department: d.department, results, departments: d.departments, mostAsked: d.mostAsked };
}
