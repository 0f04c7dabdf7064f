// Candidate retrieval only: scoring still weighs every concept of the question by IDF over all items.

/** Query terms in more than this share of a field's items are left out: suggest mode intersects every posting of every term, so they cost the most and tell the least. */
const MAX_SHARE = 0.05;
/** The same for single Han characters, the abbreviation fallback (社保卡 ↔ 社会保障卡): only a rare one says which item. */
const MAX_SHARE_CHAR = 0.002;
/** A small catalog (a city's few hundred items) keeps characters found in up to 20 items (no cost there). */
const MIN_CHAR_CAP = 20;
/** Postings one field's query may walk, as a share of the items: bounds questions whose synonyms expand to many terms (营业执照 → 个体工商户, 设立登记, …). */
const BUDGET = 0.07;

/**
 * The query terms worth handing to FlexSearch for one field: those whose document frequency in
 * the field is at most `MAX_SHARE` of the items (`MAX_SHARE_CHAR` for single characters), rarest
 * first within the `BUDGET` of postings (the rarest always goes in). When every term is commoner
 * than that, the rarest one alone (a one-term FlexSearch query is a slice of its postings, cheap
 * whatever their length). `n`: the items the field's counts are in.
 */
export function selectTerms(terms: readonly string[], count: (t: string) => number, n: number): string[] {
  const cap = MAX_SHARE * n;
  const charCap = Math.min(cap, Math.max(MIN_CHAR_CAP, MAX_SHARE_CHAR * n));
  const kept: { t: string; c: number }[] = [];
  let rarest: string | undefined;
  let rarestN = Infinity;
  for (const t of new Set(terms)) {
    const c = count(t);
    if (c === 0) continue;
    if (c <= (t.length === 1 ? charCap : cap)) kept.push({ t, c });
    else if (c < rarestN) (rarest = t), (rarestN = c);
  }
  if (!kept.length) return rarest === undefined ? [] : [rarest];
  const budget = BUDGET * n;
  let sum = 0;
  const out: string[] = [];
  for (const { t, c } of kept.sort((a, b) => a.c - b.c)) {
    if (out.length && sum + c > budget) continue;
    sum += c;
    out.push(t);
  }
  return out;
}
