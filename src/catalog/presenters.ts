import crypto from "node:crypto";
import type { ItemSummaryRecord } from "./items/list-items";
import type { ItemRecord } from "./items/get-item";
import type { DepartmentRecord } from "./items/list-departments";
import type { DraftRecord } from "./drafts/draft-record";
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
export const presentAuditEntry = <T extends { at: Date }>(e: T) => ({ ...e, at: e.at.toISOString() });
export const presentSynonym = <T extends { createdAt: Date }>(s: T) => ({ ...s, createdAt: s.createdAt.toISOString() });
export const presentQuestion = <T extends { firstAskedAt: Date; lastAskedAt: Date }>(q: T) => ({
  ...q,
  firstAskedAt: q.firstAskedAt.toISOString(),
  lastAskedAt: q.lastAskedAt.toISOString(),
});
