import type { SearchItem, SynonymEntry } from "./ports";
import { analyzeQuery, type AnalyzedQuery } from "./query";
import { SynonymTable, loadDefaultSynonyms, loadDefaultVocabulary } from "./synonyms";
import { addDomainWords, hybridFromWords, isDictWord, tibetan, words } from "./tokenizer";
import { Corrector } from "./corrector";
import { scoreCandidates, unknownConcepts, type Entry, type Title } from "./scoring";
import { groupByName, type SearchHit } from "./grouping";
import { selectTerms } from "./term-selection";
import { domainWordsOf, type TitleField } from "./titles";
import { TitleIndex, type Field } from "./title-index";
import { warmUpQuestions } from "./warm-up";

export type { SearchHit } from "./grouping";

export interface SearchOptions {
  limit?: number;
  department?: string;
  type?: string;
  /** The citizen's region: preferred within a group of same-named items, never a filter. */
  region?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  query: AnalyzedQuery;
  /** Words of the question no item name or alias contains at all. */
  unknown: string[];
}

/**
 * In-memory search over the catalog: FlexSearch finds candidates per field (one `Index` per
 * field, suggest mode, kept by title-index.ts), scoring.ts ranks them by IDF-weighted concept
 * coverage (FlexSearch has no IDF), and grouping.ts folds the same item across regions into
 * one hit. Synonyms and the spelling corrector shape the query (query.ts).
 *
 * Fields and tokenisers: name/alias → `hybrid` (jieba words + single Han characters),
 * text (guide text, FAQ questions, department) → `words` with 20 position buckets,
 * bo (Tibetan name/aliases) → `tibetan`. Each field's text is tokenised once per FlexSearch
 * document; the same tokens feed FlexSearch (through each field's `encode`) and the document
 * frequencies used by scoring.
 */
export class SearchIndex {
  private readonly store: TitleIndex;
  private corrector!: Corrector;
  private synonyms!: SynonymTable;
  private defaults: SynonymEntry[];
  private readonly vocabulary: SynonymEntry[];
  private staff: SynonymEntry[] = [];
  /** Moves on every change (rebuild, upsert, remove, synonyms): what was computed from an older generation may be stale. */
  generation = 0;

  constructor(opts: { synonyms?: SynonymEntry[]; vocabulary?: SynonymEntry[] } = {}) {
    this.defaults = opts.synonyms ?? loadDefaultSynonyms();
    // A caller's own synonym table (a test's) stands alone unless it brings its vocabulary too.
    this.vocabulary = opts.vocabulary ?? (opts.synonyms ? [] : loadDefaultVocabulary());
    this.applySynonyms();
    this.store = new TitleIndex((e) => this.learnCorrector(e));
  }

  get size(): number {
    return this.store.entries.size;
  }

  /** Replace the staff synonym entries (the shipped defaults stay underneath). */
  setSynonyms(staffEntries: SynonymEntry[]): void {
    this.generation++;
    this.staff = staffEntries;
    this.applySynonyms();
    for (const t of this.store.titles.values()) this.learnCorrector(t.members[0]!);
  }

  private applySynonyms(): void {
    this.synonyms = new SynonymTable([...this.defaults, ...this.staff], this.vocabulary);
    const words2to4 = this.synonyms.allWords();
    addDomainWords(words2to4);
    this.corrector = new Corrector(new Set(words2to4));
    for (const w of words2to4) this.corrector.add(w);
  }

  /** Drop everything and index `items` (boot, or a full reload from the catalog). */
  rebuild(items: SearchItem[]): void {
    this.generation++;
    this.store.rebuild(items);
  }

  /**
   * Runs the query path over questions made from the index's own titles (warm-up.ts), so the
   * first citizens after a build do not pay for compiling it. Returns the milliseconds spent.
   */
  warmUp(queries = 2000): number {
    const started = performance.now();
    const names = [...this.store.titles.values()].map((t) => t.members[0]!.name);
    if (!names.length) return 0;
    for (const q of warmUpQuestions(names, queries)) this.search(q, { limit: 10 });
    return performance.now() - started;
  }

  /** Size of the candidate index (for the benchmark). */
  stats(): { items: number; titles: number; postings: number; terms: number } {
    return this.store.stats();
  }

  /** Add or replace one item (a guide was published or an item changed). */
  upsert(item: SearchItem): void {
    this.generation++;
    this.store.upsert(item);
  }

  remove(code: string): boolean {
    this.generation++;
    return this.store.remove(code);
  }

  /** The indexed facts of one item (name, department, region), or undefined. */
  get(code: string): { code: string; name: string; department: string; region?: string; type?: string; hasGuide: boolean } | undefined {
    return this.store.get(code);
  }

  /** Published guides by the office that handles them (department → codes), for "尖扎消防大队在哪". */
  guidesByOffice(): ReadonlyMap<string, readonly string[]> {
    if (this.offices?.generation !== this.generation) {
      const map = new Map<string, string[]>();
      for (const e of this.store.entries.values()) {
        if (!e.hasGuide) continue;
        const codes = map.get(e.department);
        if (codes) codes.push(e.code);
        else map.set(e.department, [e.code]);
      }
      this.offices = { generation: this.generation, map };
    }
    return this.offices.map;
  }
  private offices?: { generation: number; map: Map<string, string[]> };

  has(code: string): boolean {
    return this.store.has(code);
  }

  private learnCorrector(e: Entry): void {
    for (const w of domainWordsOf(e.name, e.aliasN.split("|"))) this.corrector.add(w);
  }

  search(q: string, opts: SearchOptions = {}): SearchResult {
    const limit = opts.limit ?? 10;
    const query = analyzeQuery(q, this.synonyms, (w) =>
      this.store.df.has(w) || isDictWord(w) ? undefined : this.corrector.correct(w, (x) => this.store.df.get(x) ?? 0),
    );
    if (query.concepts.length === 0) return { hits: [], query, unknown: [] };
    const text = query.concepts.flatMap((c) => c.alternatives).join(" ");
    const fields = query.lang === "bo" ? ["bo"] : ["name", "alias", "text"];
    const filtered = Boolean(opts.department || opts.type);
    const perField = filtered ? 500 : 60;
    // Candidates: the titles holding the first `perField` items FlexSearch ranks in each field
    // (a title counts all its members), scored title by title: all members of a title, each
    // with the title's guide-text rank. The text field's rank of a title is where its first
    // member would have been in a list of items.
    const store = this.store;
    const titles = new Set<Title>();
    const textRank = new Map<Title, number>();
    for (const { field, terms } of encodeQuery(text, fields)) {
      const f = store.fields[field as Field];
      const df = field === "text" ? undefined : store.fieldDf[field as TitleField];
      const count = df ? (t: string) => df.get(t) ?? 0 : (t: string) => f.count(t);
      const result = f.search(selectTerms(terms, count, df ? store.entries.size : store.titles.size), perField);
      let listed = 0;
      for (const id of result) listed += store.titleById.get(id)?.members.length ?? 0;
      let before = 0;
      for (const id of result) {
        if (before >= perField) break;
        const t = store.titleById.get(id);
        if (!t) continue;
        titles.add(t);
        if (!df) textRank.set(t, 1 - before / Math.min(perField, listed));
        before += t.members.length;
      }
    }
    // Department/type filters apply to the candidates here: FlexSearch tags made every add
    // scan the tag's id list (quadratic build at 100k items with one type).
    const keep = (e: Entry) => (!opts.department || e.department === opts.department) && (!opts.type || e.type === opts.type);
    const df = (t: string) => store.df.get(t) ?? 0;
    const unknown = unknownConcepts(query, df);
    const scored = scoreCandidates(query, titles, textRank, df, store.entries.size, unknown, filtered ? keep : undefined);
    return { hits: groupByName(scored, opts.region, limit), query, unknown: unknown.map((c) => c.source) };
  }
}

/** The query text as each field's tokeniser sees it (the same tokenisers as at index time). */
function encodeQuery(text: string, fields: string[]): { field: string; terms: string[] }[] {
  if (fields.length === 1 && fields[0] === "bo") return [{ field: "bo", terms: tibetan(text) }];
  const w = words(text);
  const h = hybridFromWords(w, text);
  return fields.map((field) => ({ field, terms: field === "text" ? w : field === "bo" ? tibetan(text) : h }));
}
