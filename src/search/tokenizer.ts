import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

/**
 * Tokenisation for Chinese and Tibetan (measured choices in ../shared/docs/search-notes.md):
 * - Chinese: jieba `cutForSearch` with HMM (joins 换领/申领 that the stock dictionary splits),
 *   plus a domain dictionary of 2–4-char words (pitfall 5: long compounds hide their sub-words).
 * - Title/alias fields add single Han characters ("hybrid"), because abbreviations keep
 *   characters (社保卡 ↔ 社会保障卡); body text uses words only.
 * - Tibetan (U+0F00–U+0FFF): NFC, split on tsheg/shad → syllables plus syllable bigrams.
 */
const jieba = Jieba.withDict(dict);
const loaded = new Set<string>();

/** Add domain words (2–4 chars) to the segmenter, once each. jieba.loadDict is additive. */
export function addDomainWords(words: Iterable<string>): void {
  const fresh: string[] = [];
  for (const raw of words) {
    const w = normalize(raw).trim();
    if (w.length < 2 || w.length > 4 || !/^\p{Script=Han}+$/u.test(w) || loaded.has(w)) continue;
    loaded.add(w);
    fresh.push(w);
  }
  if (fresh.length) jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 50000 n`).join("\n")));
}

export function domainWords(): ReadonlySet<string> {
  return loaded;
}

export function normalize(s: string): string {
  return s.normalize("NFKC").toLowerCase();
}

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{L}\p{N}]/u;
export const TIBETAN = /[\u0F00-\u0FFF]/;

/** Colloquial filler that carries no item meaning (FlexSearch has no IDF, so it must go). */
export const STOP_WORDS = new Set(
  (
    "的 了 吗 呢 吧 啊 呀 哦 嘛 啦 我 我们 你 你们 您 他 她 要 想 想要 能 能不能 会 去 在 是 有 和 与 及 或 个 些 么 咋 啥 哪 哪儿 怎 怎么 怎么样 怎样 " +
    "如何 咋办 怎么办 请问 问 问一下 一下 下 帮 帮忙 麻烦 你好 您好 谢谢 办 办理 办个 给 让 把 被 就 还 也 都 又 再 这 那 这个 那个 什么 " +
    "可以 可不可以 需要 需 得 应该 该 快 刚 刚刚 已经 现在 自己 本人 我家 家里 一个 一张 一 咱 俺 不 没 没有 呗 嗯 哈 啊呀 行 行不行 " +
    "好 吗吗 多 多少 多久 多长 几 几天 怎么弄 弄 搞 整 呢呢 该怎么 要怎么 怎么搞 " +
    "哪些 哪个 东西 那么 这样 那样 期间 这期间 下来 能拿 拿到 办好 办完 当天 还要 还能 还 不用 是不是 有没有 吗 么 啥时候 什么时候 时候 今年 现在 目前 最近"
  ).split(/\s+/),
);

/** jieba words of Chinese/Latin text, stop-words removed. */
export function words(s: string): string[] {
  return wordsOfNormalized(normalize(s));
}

function wordsOfNormalized(n: string): string[] {
  const out: string[] = [];
  for (const w of jieba.cutForSearch(n, true)) if (keepWord(w)) out.push(w);
  return out;
}

/**
 * `WORDLIKE.test(w) && !STOP_WORDS.has(w) && !TIBETAN.test(w)`, with a fast path for tokens made
 * of CJK Unified Ideographs only (U+4E00–U+9FFF are all letters, none Tibetan) — the two
 * Unicode-property regexes per token were half the cost of tokenising guide text.
 */
function keepWord(w: string): boolean {
  const n = w.length;
  let i = 0;
  while (i < n) {
    const c = w.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) break;
    i++;
  }
  if (i === n && n > 0) return !STOP_WORDS.has(w);
  return WORDLIKE.test(w) && !STOP_WORDS.has(w) && !TIBETAN.test(w);
}

/** Segmentation without search-mode sub-words (one token per word), for query concepts. */
export function cut(s: string): string[] {
  return jieba.cut(normalize(s), true).filter((w) => WORDLIKE.test(w));
}

/** Words plus single Han characters, for short title-like fields. */
export function hybrid(s: string): string[] {
  const n = normalize(s);
  return withChars(wordsOfNormalized(n), n);
}

/** `hybrid` of a text whose `words` are already known (the query side needs both). */
export function hybridFromWords(w: string[], s: string): string[] {
  return withChars(w, normalize(s));
}

function withChars(w: string[], n: string): string[] {
  const chars = new Set<string>();
  for (const c of n) {
    const code = c.charCodeAt(0);
    if ((c.length === 1 && code >= 0x4e00 && code <= 0x9fff) || HAN.test(c)) {
      if (!STOP_WORDS.has(c)) chars.add(c);
    }
  }
  return w.concat([...chars]);
}

const TSHEG_SHAD = /[\u0F0B\u0F0C\u0F0D-\u0F14\s\p{P}]+/u;

/** Tibetan syllables of a text (NFC, split on tsheg/shad/space/punctuation). */
export function tibetanSyllables(s: string): string[] {
  return s
    .normalize("NFC")
    .split(TSHEG_SHAD)
    .filter((x) => x && TIBETAN.test(x));
}

/** Syllables plus syllable bigrams joined by a tsheg, so 2-syllable words match as units. */
export function tibetan(s: string): string[] {
  const syl = tibetanSyllables(s);
  const out = [...syl];
  for (let i = 0; i + 1 < syl.length; i++) out.push(`${syl[i]}\u0F0B${syl[i + 1]}`);
  return out;
}

export function isTibetan(s: string): boolean {
  // Most questions hold no Tibetan at all: one scan decides them without counting.
  if (!TIBETAN.test(s)) return false;
  let bo = 0;
  let han = 0;
  for (const c of s) {
    if (TIBETAN.test(c)) bo++;
    else if (HAN.test(c)) han++;
  }
  return bo > 0 && bo >= han;
}

/** True when the segmenter knows the word as one unit (stock or domain dictionary). */
export function isDictWord(w: string): boolean {
  return jieba.cut(w, false).length === 1;
}

/** Words with part-of-speech tags (jieba's; rough, used only to down-weight unknown verbs). */
export function tagged(s: string): { word: string; tag: string }[] {
  return jieba.tag(normalize(s), true).filter((w) => WORDLIKE.test(w.word));
}
