import { foldVariants } from "./fold";
import { loadPlainWords, type SynonymTable } from "./synonyms";
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
  /**
   * Synonym kind, or the jieba part-of-speech class of the word ("noun" | "other");
   * "context" for places and people (广州, 老婆, 家人): they say where or for whom, never which service.
   */
  kind?: "object" | "action" | "noun" | "other" | "context";
  /** Position of the source in the normalised question (for modifier/head checks). */
  at?: number;
  /** Document frequency of the best alternative over names/aliases, set while scoring. */
  df?: number;
  /** A place or person name by part of speech: circumstance when the catalog does not know it. */
  place?: boolean;
  /**
   * A function word by part of speech (localiser 之前/以后/上, numeral, measure, pronoun, adverb,
   * preposition, particle, time word): never the name of a service, so never a key unknown.
   */
  fn?: boolean;
}

export interface AnalyzedQuery {
  lang: "zh" | "bo";
  concepts: Concept[];
  /** The normalised question (aliases quoted verbatim in it count extra). */
  text?: string;
}

/** People a service is for: they never name the service (老婆的户口 is 户口). */
/** People a service is for: they never name the service (老婆的户口 is 户口; src/search/plain-words.yaml). */
const PEOPLE = new Set(loadPlainWords().people);

/** Fold a word onto the domain vocabulary when it is one character off (typos: 驾找 → 驾照). */
export type Corrector = (word: string) => string | undefined;

/** Tibetan particles and question words that name no item (what, how, need, is, of, at…). */
const TIBETAN_STOP = new Set(
  "ག་རེ ཅི ཇི ལྟར ཇི་ལྟར གང ཡིན ཡོད རེད དགོས དམ འམ གམ ངམ ནམ བམ མམ འདུག ལ ན ནས གི གྱི ཀྱི འི ཡི ས ཀྱིས གྱིས ཀྱང ཡང བྱེད བྱས ཐབས ང ངས ངའི ཁྱེད ཞུ ཞིག ཅིག གཅིག ཚོད ག་ཚོད ག ཚོ རོགས".split(" "),
);

/** "吃掉了", "卖掉了", "拆掉了": 掉 completing another verb says it is gone, not lost (身份证掉了, 丢掉了 are lost); it names nothing. */
const GONE = /(?<=[吃卖扔拆烧冲砍杀花用删去跑死咬刮撕剪抹擦洗卸推毁淹砸])掉/gu;

export function analyzeQuery(q: string, synonyms: SynonymTable, correct?: Corrector): AnalyzedQuery {
  if (isTibetan(q)) {
    const syl = tibetanSyllables(q).filter((x) => !TIBETAN_STOP.has(x));
    return { lang: "bo", concepts: syl.map((s) => ({ source: s, alternatives: [s], synonym: false })), text: q.normalize("NFC") };
  }
  const original = normalize(foldVariants(q));
  let text = original.replace(GONE, "\u0000");
  const concepts: Concept[] = [];
  // Multi-character synonym terms first, longest first, as substrings: jieba may split
  // 丢了 or glue 驾照丢 differently in run-together questions.
  for (const term of synonyms.longTerms) {
    let at = text.indexOf(term);
    while (at >= 0) {
      concepts.push({ source: term, alternatives: [term, ...(synonyms.get(term) ?? [])], synonym: true, kind: synonyms.kind(term), at });
      text = `${text.slice(0, at)}${"\u0000".repeat(term.length)}${text.slice(at + term.length)}`;
      at = text.indexOf(term);
    }
  }
  // "养条狗", "打口井": a two-character term with a measure word inside.
  if (synonyms.measured) {
    for (const m of text.matchAll(synonyms.measured)) {
      const term = `${m[0][0]}${m[0][2]}`;
      concepts.push({ source: m[0], alternatives: [term, ...(synonyms.get(term) ?? [])], synonym: true, kind: synonyms.kind(term), at: m.index });
      text = `${text.slice(0, m.index)}${"\u0000".repeat(m[0].length)}${text.slice((m.index ?? 0) + m[0].length)}`;
    }
  }
  for (const m of text.matchAll(/[^\u0000]+/g)) {
    const part = m[0];
    const offset = m.index ?? 0;
    // A colloquial one-character word of the table glued to a verb jieba does not know (娃交 in
    // 给娃交医保): two words.
    // A run jieba's HMM glued across a measure word or modal (开个, 证要): the dictionary's words.
    const tags = tagged(part).filter((x) => !STOP_WORDS.has(x.word)).flatMap((x) => {
      const chars = [...x.word];
      return x.tag === "x" && chars.length === 2 && synonyms.get(chars[0]!) && !synonyms.get(x.word) && GLUED_VERB.test(chars[1]!)
        ? [{ word: chars[0]!, tag: "n" }, { word: chars[1]!, tag: "v" }]
        : [x];
    });
    const pos = new Map(tags.map((x) => [x.word, kindOf(x.word, x.tag)]));
    const fns = new Set(tags.filter((x) => FUNCTION_TAG.test(x.tag)).map((x) => x.word));
    let from = 0;
    for (const w of mergeSingles(tags, correct)) {
      const found = part.indexOf(w, from);
      const at = found >= 0 ? offset + found : undefined;
      if (found >= 0) from = found + w.length;
      const syn = synonyms.get(w);
      if (syn) {
        concepts.push({ source: w, alternatives: [w, ...syn], synonym: true, kind: synonyms.kind(w), at });
        continue;
      }
      const fixed = correct?.(w);
      if (fixed && fixed !== w) {
        concepts.push({ source: w, alternatives: [fixed, ...(synonyms.get(fixed) ?? [])], synonym: true, kind: synonyms.kind(fixed) ?? "noun", at });
        continue;
      }
      const kind = pos.get(w) ?? "noun";
      concepts.push({ source: w, alternatives: [w], synonym: false, kind: kind === "place" ? "noun" : kind, at, place: kind === "place" || undefined, fn: fns.has(w) || undefined });
    }
  }
  return { lang: "zh", concepts: dedupe(concepts), text: original };
}

/** Verbs jieba glues onto the word before them (娃交, 娃办). */
const GLUED_VERB = /^[交办要领拿补换开上报缴买卖去]$/u;

/** jieba tags of words that never name a thing: localiser, pronoun, adverb (突然, ad), preposition, conjunction, particle, time, modal, interjection. */
const FUNCTION_TAG = /^(f|r|d|p|c|u|t|y|e|o|z|ad)/;

function kindOf(word: string, tag: string): NonNullable<Concept["kind"]> | "place" {
  if (PEOPLE.has(word)) return "context";
  // Place words (门口, 村里, 车上: jieba "s") say where, never which service.
  if (tag === "s") return "context";
  // (jieba tags some four-character terms as names: 法律援助 is a service, not a person.)
  if (/^ns/.test(tag) || (/^nr/.test(tag) && [...word].length <= 3)) return "place";
  return /^(n|eng|vn|j)/.test(tag) ? "noun" : "other";
}

function dedupe(cs: Concept[]): Concept[] {
  const seen = new Set<string>();
  return cs.filter((c) => (seen.has(c.source) ? false : (seen.add(c.source), true)));
}

const NEVER_HALF = /^[个要能想会得哪啥了的去吗呢吧]$/u;

/**
 * A typo splits a word into single characters (驾找 → 驾/找). Re-join runs of single Han
 * characters when the joined string is one edit away from a domain word.
 */
function mergeSingles(tags: { word: string; tag: string }[], correct?: Corrector): string[] {
  const ws = tags.map((x) => x.word);
  if (!correct) return ws;
  // A measure word, pronoun or modal is never half of a typo (开个, 证要, 哪开 are two words).
  const joinable = (i: number) => !FUNCTION_TAG.test(tags[i]!.tag) && !/^[qm]/.test(tags[i]!.tag) && !NEVER_HALF.test(ws[i]!);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i]!;
    const b = ws[i + 1];
    if (b && [...a].length === 1 && [...b].length === 1 && /\p{Script=Han}/u.test(a + b) && joinable(i) && joinable(i + 1) && correct(a + b)) {
      out.push(a + b);
      i++;
    } else out.push(a);
  }
  return out;
}
