import type { Guide } from "../catalog/guide-schema";

/**
 * What search and chat need from the catalog, as ports. The catalog capability implements
 * them against the database; `FileCatalog` (file-catalog.ts) implements them over guides/*.yaml
 * and .jsonl catalog lists for the eval, the benchmark and tests.
 */

/** A guide as published: the interchange-format guide plus publication facts. */
export type PublishedGuide = Guide & {
  /** Publication version, increasing with every published edit. */
  version: number;
  updatedAt: Date;
  /** Department name shown to citizens (usually `authority.name`). */
  department: string;
  hasGuide: true;
};

/** One searchable item instance: a published guide or a catalog-only line. */
export interface SearchItem {
  /** 事项编码 — unique; the id used by getGuide and links. */
  code: string;
  name: string;
  aliases: string[];
  department: string;
  /** 行政区划代码 of the implementing level ("630000", "630100", "511602000000"). */
  region?: string;
  /** 事项类型 (行政许可, 公共服务, …). */
  type?: string;
  /** Searchable body text: conditions, materials, procedure, locations (plain text). */
  text?: string;
  /** FAQ of the guide; questions are indexed, answers are not shown by search. */
  faq?: { q: string; a: string }[];
  /** Tibetan name and aliases when translated. */
  bo?: { name?: string; aliases?: string[] };
  hasGuide: boolean;
}

export interface CatalogPort {
  /** Published guide of an item (null when catalog-only or unknown). */
  getGuide(code: string): Promise<PublishedGuide | null>;
  /** Every searchable item (published guides and catalog-only items) for (re)building the index. */
  listSearchItems(): Promise<SearchItem[]>;
  /** One searchable item (used after a publish event to upsert the index); null when gone. */
  getSearchItem?(code: string): Promise<SearchItem | null>;
}

export type QuestionOutcome = "not_found" | "low_confidence";

/**
 * Questions the catalog could not answer, for staff. The implementation de-duplicates
 * (normalised question) and counts.
 */
export interface QuestionLogPort {
  record(entry: { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string }): Promise<void>;
}

/**
 * One row of the synonym table: citizens' words → official words. `kind` keeps objects
 * (驾照 → 机动车驾驶证) apart from actions (丢了 → 补领 挂失), see search-notes pitfall 11.
 */
export interface SynonymEntry {
  terms: string[];
  canonical: string[];
  kind?: "object" | "action";
}

/** Staff-maintained synonyms (DB); search merges them over the shipped defaults. */
export interface SynonymPort {
  list(): Promise<SynonymEntry[]>;
}

/** Turn a published guide into the item the index holds. */
export function guideToSearchItem(g: Guide, department = g.authority.name): SearchItem {
  const text = [
    ...g.conditions,
    ...g.materials.map((m) => m.name),
    ...g.procedure.map((p) => `${p.step} ${p.description ?? ""}`),
    ...g.locations.map((l) => l.name),
  ].join("\n");
  const bo = g.translations?.bo;
  return {
    code: g.code,
    name: g.name,
    aliases: g.aliases,
    department,
    region: g.region,
    type: g.type,
    text,
    faq: g.faq,
    bo: bo?.name || bo?.aliases ? { name: bo.name, aliases: bo.aliases } : undefined,
    hasGuide: true,
  };
}
