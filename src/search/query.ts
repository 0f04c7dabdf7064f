import type { SynonymTable } from "./synonyms";
import { STOP_WORDS, isTibetan, normalize, tagged, tibetanSyllables } from "./tokenizer";

/**
 * A question as "concepts": each is one thing the citizen said (驾照, 丢了, 补) with the
 * words that count as a match for it (驾照 | 机动车驾驶证 | 驾驶证). An item's score is the
 * IDF-weighted share of concepts it matches — FlexSearch only finds the candidates.
 */
export interface Concept {
  /** What the citizen wrote. */
  source: string;
  /** Strings that count as a match (the source first, then synonyms). */
  alternatives: string[];
  /** True when the concept came through the synonym table. */
  synonym: boolean;
  /** Synonym kind, or the jieba part-of-speech class of the word ("noun" | "other"). */
  kind?: "object" | "action" | "noun" | "other";
}

export interface AnalyzedQuery {
  lang: "zh" | "bo";
  concepts: Concept[];
}

/** Fold a word onto the domain vocabulary when it is one character off (typos: 驾找 → 驾照). */
export type Corrector = (word: string) => string | undefined;

/** Tibetan particles and question words that name no item (what, how, need, is, of, at…). */
const TIBETAN_STOP = new Set(
  "ག་རེ ཅི ཇི ལྟར ཇི་ལྟར གང ཡིན ཡོད རེད དགོས དམ འམ གམ ངམ ནམ བམ མམ འདུག ལ ན ནས གི གྱི ཀྱི འི ཡི ས ཀྱིས གྱིས ཀྱང ཡང བྱེད བྱས ཐབས ང ངས ངའི ཁྱེད ཞུ ཞིག ཅིག གཅིག ཚོད ག་ཚོད ག ཚོ རོགས".split(" "),
);

export function analyzeQuery(q: string, synonyms: SynonymTable, correct?: Corrector): AnalyzedQuery {
  if (isTibetan(q)) {
    const syl = tibetanSyllables(q).filter((x) => !TIBETAN_STOP.has(x));
    return { lang: "bo", concepts: syl.map((s) => ({ source: s, alternatives: [s], synonym: false })) };
  }
  let text = normalize(q);
  const concepts: Concept[] = [];
  // Multi-character synonym terms first, longest first, as substrings: jieba may split
  // 丢了 or glue 驾照丢 differently in run-together questions.
  for (const term of synonyms.longTerms) {
    let at = text.indexOf(term);
    while (at >= 0) {
      concepts.push({ source: term, alternatives: [term, ...(synonyms.get(term) ?? [])], synonym: true, kind: synonyms.kind(term) });
      text = `${text.slice(0, at)}\u0000${text.slice(at + term.length)}`;
      at = text.indexOf(term);
    }
  }
  for (const part of text.split("\u0000")) {
    const tags = tagged(part).filter((x) => !STOP_WORDS.has(x.word));
    const pos = new Map(tags.map((x) => [x.word, /^(n|eng|vn|j)/.test(x.tag) ? ("noun" as const) : ("other" as const)]));
    for (const w of mergeSingles(tags.map((x) => x.word), correct)) {
      const syn = synonyms.get(w);
      if (syn) {
        concepts.push({ source: w, alternatives: [w, ...syn], synonym: true, kind: synonyms.kind(w) });
        continue;
      }
      const fixed = correct?.(w);
      if (fixed && fixed !== w) {
        concepts.push({ source: w, alternatives: [fixed, ...(synonyms.get(fixed) ?? [])], synonym: true, kind: synonyms.kind(fixed) ?? "noun" });
        continue;
      }
      concepts.push({ source: w, alternatives: [w], synonym: false, kind: pos.get(w) ?? "noun" });
    }
  }
  return { lang: "zh", concepts: dedupe(concepts) };
}

function dedupe(cs: Concept[]): Concept[] {
  const seen = new Set<string>();
  return cs.filter((c) => (seen.has(c.source) ? false : (seen.add(c.source), true)));
}

/**
 * A typo splits a word into single characters (驾找 → 驾/找). Re-join runs of single Han
 * characters when the joined string is one edit away from a domain word.
 */
function mergeSingles(ws: string[], correct?: Corrector): string[] {
  if (!correct) return ws;
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i]!;
    const b = ws[i + 1];
    if (b && [...a].length === 1 && [...b].length === 1 && /\p{Script=Han}/u.test(a + b) && correct(a + b)) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out;
}
