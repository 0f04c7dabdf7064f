import { createRequire } from "node:module";

/**
 * Shortening text for WeChat's field limits without cutting a word in two ("已送达/已领取" as a
 * 5-character phrase once read "已送达已领"). Cuts fall before a separator (list items, clauses,
 * brackets) when one is near enough, else between jieba words; only a single word longer than
 * the whole field is cut between characters.
 */

type Cutter = (text: string) => string[];
let jiebaCut: Cutter | undefined;

// Loaded on first use: the dictionary costs ~300 ms, and most values fit without cutting.
function words(text: string): string[] {
  if (!jiebaCut) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict") as typeof import("@node-rs/jieba/dict");
    const jieba = Jieba.withDict(dict);
    jiebaCut = (t) => jieba.cut(t, true);
  }
  return jiebaCut(text);
}

/** Characters a cut may fall before: separators, punctuation and opening brackets. */
const SEPARATOR = /[\s、，,；;：:。.！!？?\/|（(【\[《「“—-]/u;
const TRAILING = /[\s、，,；;：:。.！!？?\/|（(【\[《「“—-]+$/u;

/** Code-point positions (0 < p ≤ max) where a cut keeps every word whole, best first. */
function cutPoint(chars: string[], max: number): number {
  let separator = 0;
  for (let i = 1; i <= max && i < chars.length; i++) if (SEPARATOR.test(chars[i]!)) separator = i;
  // A list item or clause boundary wins unless it throws away more than half the room.
  if (separator * 2 >= max) return separator;
  let word = 0;
  let at = 0;
  for (const w of words(chars.join(""))) {
    at += [...w].length;
    if (at > max) break;
    word = at;
  }
  return Math.max(word, separator);
}

/**
 * `text` in at most `max` characters (code points): whole words, with "…" marking a cut when
 * `ellipsis` (counted in `max`). A single word longer than the room is cut between characters.
 */
export function cutAtWord(text: string, max: number, ellipsis = true): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = ellipsis ? max - 1 : max;
  const at = cutPoint(chars, room) || room;
  const kept = chars.slice(0, at).join("").replace(TRAILING, "");
  return ellipsis ? `${kept}…` : kept;
}

/**
 * A phrase field (≤ `max` Han characters, nothing else allowed): the leading whole segments
 * of Han text that fit ("已送达/已领取" → "已送达"), else the first segment cut at a word.
 */
export function fitPhrase(text: string, max: number): string {
  const segments = text.split(/[^\u4e00-\u9fff]+/u).filter(Boolean);
  let out = "";
  for (const s of segments) {
    if ([...out].length + [...s].length > max) break;
    out += s;
  }
  return out || cutAtWord(segments[0] ?? "", max, false);
}
