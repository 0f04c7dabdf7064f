import { pinyin } from "pinyin-pro";
import { isCountOrDoWord } from "./glue-words";

/** How a word is typed with a pinyin keyboard (tones left out): 检议 and 检疫 are both "jian yi". */
const sound = (w: string) => pinyin(w, { toneType: "none" });

/**
 * A tiny edit-distance-1 pass against the domain vocabulary (SymSpell-style masks), so one
 * wrong character (驾找 → 驾照, 身分证 → 身份证) or one missing character still finds the word.
 * Cheap: a few Map lookups per unknown query word.
 */
const FUNCTION_START = /^[要能还就都也再只那这办去给想得会可被把让在不没咋怎啥哪先最多]/;
/** Verbs whose object a one-character "typo" would change (卖牛, 买车). */
const VERB = /^[卖买办开交领补换考租养建盖修装做]$/u;
/** Characters that carry no meaning of their own (measure words, particles, suffixes). */
const LIGHT = new Set([..."个了着的地得过子儿们一些么吗"]);
/** A verb's complement (买到, 迁来, 拿走): kept with another verb, it is another action, not a typo. */
const COMPLEMENT = /^[到来去出进回走完好掉成]$/u;

export class Corrector {
  /** "驾*" → words with that mask; "驾" (deletion) → words. */
  private readonly masks = new Map<string, Set<string>>();
  private readonly known = new Set<string>();

  constructor(private readonly preferred: ReadonlySet<string> = new Set()) {}

  add(word: string): void {
    if (word.length < 2 || word.length > 6 || this.known.has(word)) return;
    this.known.add(word);
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      const sub = chars.map((c, j) => (j === i ? "*" : c)).join("");
      const del = chars.filter((_, j) => j !== i).join("");
      this.put(sub, word);
      if (del.length >= 2) this.put(`-${del}`, word);
    }
  }

  private put(k: string, w: string): void {
    let s = this.masks.get(k);
    if (!s) this.masks.set(k, (s = new Set()));
    if (s.size < 50) s.add(w);
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The vocabulary word one edit away, when there is a clear one; undefined otherwise. */
  correct(word: string, rank: (w: string) => number): string | undefined {
    if (word.length < 2 || this.known.has(word)) return undefined;
    // "要交", "只卖", "办食品证": a function word glued to a word is not a typo of a domain word.
    if (FUNCTION_START.test(word)) return undefined;
    // Numbers and Latin letters (5岁, 缴8) are amounts and codes, not misspelt words.
    if (/[\p{N}a-z]/u.test(word)) return undefined;
    const chars = [...word];
    if (isCountOrDoWord(word)) return undefined;
    const found = new Set<string>();
    for (let i = 0; i < chars.length; i++) {
      this.masks.get(chars.map((c, j) => (j === i ? "*" : c)).join(""))?.forEach((w) => found.add(w));
    }
    this.masks.get(`-${word}`)?.forEach((w) => found.add(w)); // the citizen left a character out
    if (chars.length === 2) {
      const heard = sound(word);
      const homophones = new Set([...found].filter((w) => sound(w) === heard));
      for (const w of found) if (!homophones.has(w) && !trustedOneCharacterFix(w, chars, this.preferred)) found.delete(w);
      return [...found].sort((a, b) => Number(homophones.has(b)) - Number(homophones.has(a)) || this.byPreference(a, b, rank))[0];
    }
    return [...found].sort((a, b) => this.byPreference(a, b, rank))[0];
  }

  private byPreference(a: string, b: string, rank: (w: string) => number): number {
    return Number(this.preferred.has(b)) - Number(this.preferred.has(a)) || rank(b) - rank(a);
  }
}

/**
 * A two-character word keeps only one character of its correction. A homophone (检议 → 检疫,
 * 发漂 → 发票: the pinyin keyboard's typo) is trusted whatever the word; otherwise only the
 * domain's own colloquial vocabulary (驾找 → 驾照), not any item-name word (陪着 ↛ 无着), and only
 * when the kept character carries meaning (摆个 ↛ 换个: only 个 is shared) and is not a verb
 * kept with another object (卖牛 ↛ 卖房), a complement kept with another verb (买到 ↛ 迁到), nor
 * an object kept after a verb's complement that the segmenter glued to it (报完名 ↛ 改名).
 */
function trustedOneCharacterFix(w: string, chars: string[], preferred: ReadonlySet<string>): boolean {
  if (!preferred.has(w)) return false;
  if (w[0] === chars[0] && VERB.test(chars[0]!)) return false;
  if (w[1] === chars[1] && w[0] !== chars[0] && (COMPLEMENT.test(chars[1]!) || COMPLEMENT.test(chars[0]!))) return false;
  return ![...w].some((c, i) => c === chars[i] && LIGHT.has(c));
}
