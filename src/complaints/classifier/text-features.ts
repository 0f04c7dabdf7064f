/**
 * Turns a complaint message into the bag of terms the models count.
 *
 * Character n-grams rather than words because government messages are full of
 * place codes ("A3区", "K3县"), names and typos that a word segmenter splits
 * inconsistently; 1–3-grams of characters cover the words anyway and need no
 * dictionary. Word features from jieba are optional (tried, not kept: bench/README.md).
 */

export interface FeatureConfig {
  /** Shortest and longest character n-gram, inclusive. */
  ngramMin: number;
  ngramMax: number;
  /** Add jieba word tokens as extra terms ("w:" prefix keeps them apart from n-grams). */
  words: boolean;
  /** Replace every digit run with "0": dates, phone numbers and amounts are noise for routing. */
  collapseDigits: boolean;
  /**
   * Also count the n-grams of the first `headChars` characters again under an
   * "h:" prefix. Messages arrive as title + detail with the title first, and
   * the title names the topic far more reliably than the story that follows.
   * 0 turns this off.
   */
  headChars: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  ngramMin: 1,
  ngramMax: 3,
  words: false,
  collapseDigits: true,
  headChars: 30,
};

export type WordCutter = (text: string) => string[];

/** NFKC folds full-width letters/digits/punctuation (common in WeChat input) to ASCII. */
export function normalizeText(text: string, collapseDigits: boolean): string {
  let s = text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
  if (collapseDigits) s = s.replace(/[0-9]+(?:\.[0-9]+)?/g, "0");
  return s;
}

/** Counts every term of `text`. Returns a Map so callers tokenise exactly once per message. */
export function extractTerms(
  text: string,
  config: FeatureConfig,
  cutWords?: WordCutter,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  const norm = normalizeText(text, config.collapseDigits);
  // Array.from splits by code point so rare CJK characters outside the BMP stay whole.
  const chars = Array.from(norm);
  addNgrams(chars, config, "", add);
  if (config.headChars > 0) addNgrams(chars.slice(0, config.headChars), config, "h:", add);
  if (config.words) {
    if (!cutWords) throw new Error("word features need a word cutter");
    for (const w of cutWords(norm)) {
      if (w.length > 1 && !/^[\s\p{P}\p{S}0-9]+$/u.test(w)) add("w:" + w);
    }
  }
  return counts;
}

/**
 * Grams are built by string concatenation over a code-point array and the
 * punctuation test is done once per character, not once per gram: this loop
 * dominates prediction time on long (4,000-character) messages.
 */
function addNgrams(chars: string[], config: FeatureConfig, prefix: string, add: (t: string) => void): void {
  const punct = chars.map((c) => PUNCT.test(c));
  for (let i = 0; i < chars.length; i++) {
    let gram = prefix;
    let allPunct = true;
    for (let n = 1; n <= config.ngramMax && i + n <= chars.length; n++) {
      gram += chars[i + n - 1]!;
      allPunct &&= punct[i + n - 1]!;
      // A gram that is only space/punctuation carries no topic.
      if (n >= config.ngramMin && !allPunct) add(gram);
    }
  }
}

const PUNCT = /^[\s\p{P}\p{S}]$/u;

/** Character bigrams only, as the naive-Bayes baseline counts them. */
export function charBigrams(text: string): Map<string, number> {
  return extractTerms(text, { ngramMin: 2, ngramMax: 2, words: false, collapseDigits: false, headChars: 0 });
}
