import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { SynonymEntry } from "./ports";
import { normalize } from "./tokenizer";

const DEFAULT_FILE = new URL("./synonyms.yaml", import.meta.url);
/**
 * Everyday words for the items of a county catalog (挖沙子 → 采砂, 驾校 → 驾驶员培训): what
 * citizens say for licences, trades and life events that a names-only list calls officially.
 */
const VOCABULARY_FILE = new URL("./vocabulary.yaml", import.meta.url);

/** Parse one line "驾照 驾驶本 → 机动车驾驶证 驾驶证". */
export function parseSynonymLine(line: string, kind?: SynonymEntry["kind"]): SynonymEntry {
  const [left = "", right = ""] = line.split(/→|->|=>/);
  const split = (s: string) => s.split(/[\s,，、]+/).map((x) => x.trim()).filter(Boolean);
  return { terms: split(left), canonical: split(right), kind };
}

/** The shipped defaults (src/search/synonyms.yaml). */
export function loadDefaultSynonyms(file: URL | string = DEFAULT_FILE): SynonymEntry[] {
  const doc = parse(readFileSync(file, "utf8")) as { objects?: string[]; actions?: string[] };
  return [
    ...(doc.objects ?? []).map((l) => parseSynonymLine(l, "object")),
    ...(doc.actions ?? []).map((l) => parseSynonymLine(l, "action")),
  ];
}

/** The shipped catalog vocabulary (src/search/vocabulary.yaml), same format. */
export const loadDefaultVocabulary = (file: URL | string = VOCABULARY_FILE): SynonymEntry[] => loadDefaultSynonyms(file);

export interface NearMissWords {
  ending: string[];
  replace: string[];
  replacedBy: string[];
  foreign: string[];
  exclusive: string[][];
  variants: string[];
}

/** The near-miss word lists (src/search/near-miss.yaml), read by chat's near-miss rules. */
export function loadNearMissWords(file: URL | string = new URL("./near-miss.yaml", import.meta.url)): NearMissWords {
  const doc = parse(readFileSync(file, "utf8")) as Partial<NearMissWords>;
  return { ending: doc.ending ?? [], replace: doc.replace ?? [], replacedBy: doc.replacedBy ?? [], foreign: doc.foreign ?? [], exclusive: doc.exclusive ?? [], variants: doc.variants ?? [] };
}

export interface PlainWords {
  people: string[];
  circumstances: string[];
  /** Questions asking for an opinion or a favour, not a service. */
  advice: RegExp[];
}

let plainWords: PlainWords | undefined;
/** Words that never name a service (src/search/plain-words.yaml): people, circumstances told, and how advice is asked. */
export function loadPlainWords(): PlainWords {
  if (!plainWords) {
    const doc = parse(readFileSync(new URL("./plain-words.yaml", import.meta.url), "utf8")) as Partial<PlainWords>;
    const raw = doc as { people?: unknown[]; circumstances?: unknown[]; advice?: unknown[] };
    plainWords = {
      people: (raw.people ?? []).map(String),
      circumstances: (raw.circumstances ?? []).map(String),
      advice: (raw.advice ?? []).map((p) => new RegExp(String(p), "u")),
    };
  }
  return plainWords;
}

/** Measure words spoken between a verb and its object (养条狗, 打口井, 开间店). */
const MEASURE = "[个只条头匹台辆口间家座块张本棵片处]";

/**
 * Lookup table term → canonical words. Later entries (staff) add to earlier ones (defaults);
 * a term maps to the union of its canonical words.
 */
export class SynonymTable {
  private readonly map = new Map<string, string[]>();
  private readonly kinds = new Map<string, "object" | "action">();
  /** Multi-character terms, longest first, for substring matching in run-together questions. */
  readonly longTerms: string[];

  /** Words taught to the segmenter and the typo corrector (the vocabulary's are not: see constructor). */
  private readonly segmenterWords = new Set<string>();

  /**
   * `vocabulary` terms are only matched as written: a thousand phrases taught to the segmenter
   * and the typo corrector re-cut and "corrected" unrelated questions (人偷, 考个).
   */
  constructor(entries: SynonymEntry[], vocabulary: SynonymEntry[] = []) {
    for (const e of entries) for (const w of [...e.terms, ...e.canonical]) this.segmenterWords.add(normalize(w));
    for (const e of [...vocabulary, ...entries]) {
      for (const raw of e.terms) {
        const t = normalize(raw);
        const prev = this.map.get(t) ?? [];
        this.map.set(t, [...new Set([...prev, ...e.canonical.map(normalize)])]);
        if (e.kind) this.kinds.set(t, e.kind);
      }
    }
    this.longTerms = [...this.map.keys()].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);
    const pairs = this.longTerms.filter((t) => [...t].length === 2 && /^\p{Script=Han}{2}$/u.test(t));
    this.measured = pairs.length ? new RegExp(`(?:${pairs.map((t) => `${t[0]}${MEASURE}${t[1]}`).join("|")})`, "gu") : undefined;
  }

  /** Two-character terms with a measure word inside (养条狗 for 养狗, 打口井 for 打井), as spoken. */
  readonly measured: RegExp | undefined;

  kind(term: string): "object" | "action" | undefined {
    return this.kinds.get(term);
  }

  get(term: string): string[] | undefined {
    return this.map.get(term);
  }

  /** Every word of the table but the vocabulary's (terms and canonical words), for the segmenter dictionary. */
  allWords(): string[] {
    return [...this.segmenterWords];
  }
}
