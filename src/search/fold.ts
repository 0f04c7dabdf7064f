import { readFileSync } from "node:fs";
import * as OpenCC from "opencc-js/t2cn";
import { parse } from "yaml";

/**
 * Traditional and variant characters citizens type (丟 for 丢, 證 for 证, 衛 for 卫 — IME and
 * phone keyboards set to traditional Chinese) folded onto the simplified characters the guides
 * use, by OpenCC (Taiwan standard → mainland simplified, phrase-aware: 乾淨 → 干净, 乾隆 stays).
 * NFKC does not do this. Applied to every query (`analyzeQuery`) and chat message, so /search,
 * the catalog listing and chat fold alike.
 */
const convert = OpenCC.Converter({ from: "tw", to: "cn" });
// OpenCC builds its dictionaries on the first call: at start, not in a citizen's first question.
convert("臺");

/**
 * Characters outside the simplified set: those OpenCC's one-character tables convert and that
 * are not themselves a simplified form (么 is, though 么 → 幺 is in a table). A question with
 * none — nearly all of them — is returned as it is without walking OpenCC's dictionaries (the
 * fold runs on every query), and a simplified text is never "converted" by a phrase entry
 * either (一坏 → 一坯).
 */
const TRADITIONAL = new Set<string>();
const SIMPLIFIED = new Set<string>();
for (const groups of [...OpenCC.Locale.from.tw!, ...OpenCC.Locale.to.cn!]) {
  for (const dict of groups) {
    const pairs = typeof dict === "string" ? dict.split("|").map((p) => p.split(" ") as [string, string]) : dict;
    for (const [from, to] of pairs) {
      if ([...from].length !== 1 || from === to) continue;
      TRADITIONAL.add(from);
      for (const c of to) SIMPLIFIED.add(c);
    }
  }
}
for (const c of SIMPLIFIED) TRADITIONAL.delete(c);
/** One character class: a single regular-expression scan instead of a Set lookup per character. */
const ANY_TRADITIONAL = new RegExp(`[${[...TRADITIONAL].join("")}]`, "u");

/** Dialect words (src/search/dialect.yaml) → Mandarin, longest first. */
const DIALECT = new Map(Object.entries(parse(readFileSync(new URL("./dialect.yaml", import.meta.url), "utf8")) as Record<string, string>));
const ANY_DIALECT = DIALECT.size ? new RegExp([...DIALECT.keys()].sort((a, b) => b.length - a.length).join("|"), "gu") : undefined;

export function foldVariants(s: string): string {
  const simplified = ANY_TRADITIONAL.test(s) ? convert(s) : s;
  return ANY_DIALECT ? simplified.replace(ANY_DIALECT, (w) => DIALECT.get(w)!) : simplified;
}
