/**
 * Lazily loaded jieba segmenter. Loading its dictionary costs ~300 ms, so it is
 * only paid by models that were trained with word features.
 */
import { createRequire } from "node:module";
import type { WordCutter } from "./text-features";

let cutter: WordCutter | undefined;

export function getWordCutter(): WordCutter {
  if (cutter) return cutter;
  // createRequire keeps this a synchronous load in ESM; the package is a native CJS addon.
  const require = createRequire(import.meta.url);
  const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
  const { dict } = require("@node-rs/jieba/dict") as typeof import("@node-rs/jieba/dict");
  const jieba = Jieba.withDict(dict);
  cutter = (text) => jieba.cut(text, false);
  return cutter;
}
