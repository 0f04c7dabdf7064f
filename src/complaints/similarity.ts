/**
 * Near-duplicate text: Jaccard similarity of character bigrams over the text with spaces and
 * punctuation removed. Chinese has no word boundaries, and bigrams are what the dispatcher's
 * eye also matches ("小区门口垃圾" vs "小区门口的垃圾").
 */
export function bigrams(text: string): Set<string> {
  const chars = [...text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "")];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export const textSimilarity = (a: string, b: string) => jaccard(bigrams(a), bigrams(b));

/** Duplicates: near-identical text (≥ 0.8) … */
export const DUPLICATE_SIMILARITY = 0.8;
/** … hot issues group looser: many people describe one event in their own words. */
export const HOT_SIMILARITY = 0.5;
