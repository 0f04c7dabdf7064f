import type { Guide } from "./guide-schema";

/**
 * What the catalog publishes to the rest of the service: published guides, items in flat
 * searchable form, staff synonyms and the unanswered-question log. The catalog implements
 * these over the database (catalog-port.ts); capabilities that read them declare their own
 * ports in these terms (search/ports.ts, chat/ports.ts).
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

/** One listed item instance, flat: a published guide or a catalog-only line. */
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

/** The published catalog: guides and listed items (the database, or files for the eval). */
export interface PublishedCatalog {
  /** Published guide of an item (null when catalog-only or unknown). */
  getGuide(code: string): Promise<PublishedGuide | null>;
  /** Every listed item (published guides and catalog-only items). */
  listSearchItems(): Promise<SearchItem[]>;
  /** One listed item (read after a publish event); null when gone. */
  getSearchItem?(code: string): Promise<SearchItem | null>;
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

/**
 * not_found / low_confidence: a question for staff (the unanswered list). answered: chat
 * answered with item `bestCode` — only counted per item (the guide index's most asked items).
 */
export type QuestionOutcome = "not_found" | "low_confidence" | "answered";

/** One question as recorded: unanswered ones for staff, answered ones as a count per item. */
export interface QuestionEntry {
  question: string;
  outcome: QuestionOutcome;
  lang: string;
  bestCode?: string;
}

/** The unanswered-question log: de-duplicated by normalised question, counted. */
export interface QuestionLog {
  record(entry: QuestionEntry): Promise<void>;
  /** One question was asked (answered or not): the per-day count behind the answered share. */
  asked?(): void;
}

/** Turn a published guide into its flat listed item. */
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
