import type { AnalyzedQuery, Concept } from "./query";
import { words } from "./tokenizer";

/** What the index keeps per item for ranking (normalised strings, no body text). */
export interface Entry {
  id: number;
  code: string;
  name: string;
  nameN: string;
  /** Aliases, normalised, joined by "|". */
  aliasN: string;
  /** Tibetan name and aliases (NFC), joined by "|". */
  boN: string;
  department: string;
  region?: string;
  type?: string;
  hasGuide: boolean;
}

export interface Scored {
  entry: Entry;
  /** Relevance, roughly 0..1.1 (share of the question's weight the item matches, plus bonuses). */
  score: number;
  /** IDF-weighted share of the question's concepts found in the item's name/aliases (0..1). */
  coverage: number;
}

const NAME = 1;
const ALIAS = 0.9;
/** Body text/FAQ only refine the order; they never make an item "found". */
const TEXT_BONUS = 0.12;
const SYN = 0.92;

/**
 * Rank FlexSearch's candidates. FlexSearch orders by the *count* of matched terms (no IDF), so
 * "证" counts like "驾驶证"; here every concept weighs its IDF over names/aliases, an unknown
 * word weighs most (so "签证" against a catalog without visas means "not found").
 */
/** Concepts the whole catalog has never seen (e.g. 签证 in a catalog without visas). */
export function unknownConcepts(q: AnalyzedQuery, df: (t: string) => number): string[] {
  return q.concepts
    .filter((c) => c.kind === "noun" && [...c.source].length >= 2 && c.alternatives.every((a) => dfOf(a, df) === 0))
    .map((c) => c.source);
}

export function scoreCandidates(
  q: AnalyzedQuery,
  lists: { field: string; result: number[] }[],
  entries: Map<number, Entry>,
  df: (term: string) => number,
  n: number,
  keep?: (e: Entry) => boolean,
): Scored[] {
  const weights = q.concepts.map((c) => conceptWeight(c, df, n));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const textRank = new Map<number, number>();
  const candidates = new Set<number>();
  for (const { field, result } of lists) {
    result.forEach((id, r) => {
      candidates.add(id);
      if (field === "text") textRank.set(id, 1 - r / result.length);
    });
  }
  const out: Scored[] = [];
  for (const id of candidates) {
    const e = entries.get(id);
    if (!e || (keep && !keep(e))) continue;
    let matched = 0;
    q.concepts.forEach((c, i) => (matched += (weights[i] ?? 0) * match(c, e, q.lang)));
    const coverage = matched / total;
    const score =
      coverage + TEXT_BONUS * (textRank.get(id) ?? 0) + (e.hasGuide ? 0.02 : 0) - 0.001 * e.name.length - variantPenalty(e, q);
    out.push({ entry: e, score, coverage });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Item names mark variants of a base service with an action (补领, 换领, 变更, 注销, …). When
 * the question asks for none of them, the base service is meant: "办营业执照" is 设立登记,
 * not 营业执照变更登记; "社保卡在哪办" is 申领, not 补领/换领.
 */
const VARIANT_ACTIONS = ["补领", "补发", "补办", "换领", "换发", "换证", "补换", "变更", "注销", "迁移", "挂失", "延续", "撤销", "转移", "恢复", "暂停", "更正", "遗失", "损坏", "备案"];

function variantPenalty(e: Entry, q: AnalyzedQuery): number {
  if (q.lang === "bo") return 0;
  let p = 0;
  for (const a of VARIANT_ACTIONS) {
    if (!e.nameN.includes(a)) continue;
    const asked = q.concepts.some((c) => c.alternatives.some((alt) => alt.includes(a) || a.includes(alt) && alt.length >= 2));
    if (!asked) p += 0.06;
  }
  return Math.min(p, 0.12);
}

function conceptWeight(c: Concept, df: (t: string) => number, n: number): number {
  let best = 0;
  for (const alt of c.alternatives) best = Math.max(best, dfOf(alt, df));
  const idf = Math.log(1 + n / (1 + best));
  const single = [...c.source].length === 1 && !c.synonym;
  // An unknown verb/adverb ("拿到", "办好") says little about the item; an unknown noun
  // ("签证", "游艇") says the catalog lacks it.
  const unknownWord = best === 0 && c.kind === "other";
  return single || unknownWord ? idf * (unknownWord ? 0.3 : 0.5) : idf;
}

function dfOf(alt: string, df: (t: string) => number): number {
  const d = df(alt);
  if (d > 0) return d;
  const ws = words(alt);
  if (ws.length === 0) return 0;
  return Math.min(...ws.map(df));
}

function match(c: Concept, e: Entry, lang: "zh" | "bo"): number {
  if (lang === "bo") {
    for (const alt of c.alternatives) if (e.boN.includes(alt)) return NAME;
    return 0;
  }
  // The citizen's own word counts a little more than a synonym of it.
  if (e.nameN.includes(c.source)) return NAME;
  if (e.aliasN.includes(c.source)) return ALIAS;
  for (const alt of c.alternatives) if (e.nameN.includes(alt)) return NAME * SYN;
  for (const alt of c.alternatives) if (e.aliasN.includes(alt)) return ALIAS * SYN;
  // A wrong or missing character: partial credit for the share of characters present.
  const chars = [...c.source];
  if (chars.length < 2) return 0;
  const hit = chars.filter((ch) => e.nameN.includes(ch) || e.aliasN.includes(ch)).length / chars.length;
  return hit >= 0.5 ? 0.3 * hit : 0;
}
