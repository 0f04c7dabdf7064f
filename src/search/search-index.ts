import FlexSearch from "flexsearch";
import type { SearchItem, SynonymEntry } from "./ports";
import { analyzeQuery, type AnalyzedQuery } from "./query";
import { SynonymTable, loadDefaultSynonyms } from "./synonyms";
import { addDomainWords, cut, hybrid, hybridFromWords, isDictWord, normalize, tibetan, words } from "./tokenizer";
import { Corrector } from "./corrector";
import { scoreCandidates, unknownConcepts, type Entry, type Title } from "./scoring";
import { groupByName, type SearchHit } from "./grouping";

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

const FIELDS = ["name", "alias", "text", "bo"] as const;

/**
 * Memoised tokeniser for a bulk load: counts its keys first, calls `fn` once per distinct key
 * and keeps a result only while later uses of that key remain (so memory stays bounded by
 * the repeated keys still ahead, and unique keys are never stored).
 */
class Memo {
  private readonly left = new Map<string, number>();
  private readonly done = new Map<string, string[]>();

  constructor(keys: Iterable<string>, private readonly fn: (s: string) => string[]) {
    for (const k of keys) this.left.set(k, (this.left.get(k) ?? 0) + 1);
  }

  /** True when `key` is used once more at most and has no stored result: tokenise it in bulk. */
  single(key: string): boolean {
    return (this.left.get(key) ?? 0) <= 1 && !this.done.has(key);
  }

  /** Use up one occurrence of a `single` key without tokenising it here. */
  skip(key: string): void {
    this.left.delete(key);
  }

  readonly get = (key: string): string[] => {
    const n = this.left.get(key) ?? 0;
    if (n <= 1) {
      this.left.delete(key);
      const hit = this.done.get(key);
      if (hit) this.done.delete(key);
      return hit ?? this.fn(key);
    }
    this.left.set(key, n - 1);
    let r = this.done.get(key);
    if (!r) this.done.set(key, (r = this.fn(key)));
    return r;
  };
}

/**
 * `words(text)` from memoised lines. Exact: jieba never joins words across a line break (it
 * segments runs of Han/alphanumerics separately) and NFKC/lower-casing are per character
 * here, so a text's words are its lines' words in order. Consecutive lines seen only once are
 * segmented together in one call.
 */
function textWords(text: string, lines: Memo): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) for (const w of words(run.join("\n"))) out.push(w);
    run = [];
  };
  for (const line of text.split("\n")) {
    if (lines.single(line)) {
      lines.skip(line);
      run.push(line);
    } else {
      flush();
      for (const w of lines.get(line)) out.push(w);
    }
  }
  flush();
  return out;
}

/** The slice of FlexSearch's `Index` API used here (its .d.ts generics fight custom encoders). */
interface FlexIndex {
  add(id: number, content: string): unknown;
  remove(id: number): unknown;
  search(query: string, opts: { suggest: boolean; limit: number }): number[] | undefined;
  /** term → slot → ids (FlexSearch internals, read only for stats()). */
  map: Map<string, (number[] | undefined)[]>;
}
const FlexIndexCtor = (FlexSearch as unknown as { Index: new (opts: Record<string, unknown>) => FlexIndex }).Index;

/**
 * One field = one FlexSearch `Index` (`tokenize: "strict"`, suggest-mode queries). Its
 * `encode` is the field's tokeniser, but a caller that already has the tokens (SearchIndex
 * tokenises each field once, and the same tokens feed the document frequencies) hands them
 * over for the next encode call, so jieba never runs twice on the same text.
 */
class FlexField {
  private readonly index: FlexIndex;
  private next: readonly string[] | undefined;

  constructor(resolution: number, tokenize: (s: string) => string[]) {
    this.index = new FlexIndexCtor({
      tokenize: "strict",
      resolution,
      // removal walks the id's own posting arrays instead of the whole index
      fastupdate: true,
      encode: (s: string) => {
        const t = this.next;
        this.next = undefined;
        return t ?? tokenize(s);
      },
    });
  }

  add(id: number, text: string, tokens: readonly string[]): void {
    if (!tokens.length) return;
    this.next = tokens;
    this.index.add(id, text || " ");
    this.next = undefined;
  }

  remove(id: number): void {
    this.index.remove(id);
  }

  /**
   * Suggest mode: ids by number of matched terms, then position bucket (FlexSearch's order).
   * Read only: for a one-term query FlexSearch may hand back its own posting array.
   */
  search(terms: readonly string[], limit: number): number[] {
    if (!terms.length) return [];
    this.next = [...new Set(terms)];
    try {
      // 0.8.212 returns undefined (not []) when a term's posting arrays were all emptied by removals
      return this.index.search(terms.join(" "), { suggest: true, limit }) ?? [];
    } finally {
      this.next = undefined;
    }
  }

  /** Number of ids a term's postings hold in this field (its document frequency here). */
  count(term: string): number {
    const slots = this.index.map.get(term);
    if (!slots) return 0;
    let n = 0;
    for (const ids of slots) n += ids?.length ?? 0;
    return n;
  }

  stats(): { postings: number; terms: number } {
    let postings = 0;
    for (const slots of this.index.map.values()) for (const ids of slots) postings += ids?.length ?? 0;
    return { postings, terms: this.index.map.size };
  }
}

/**
 * Candidate retrieval leaves out the query terms found in more than this share of a field's
 * items (the scoring still weighs every concept by IDF over all items). Suggest mode intersects
 * every posting of every term, so these terms cost the most and tell the least. Measured on the
 * province 100k corpus and the four eval sets (bench/search.ts): words 5 % (2 % was no faster
 * and ranked worse), guide text 5 % (1 % lost a dev and a holdout turn).
 */
const MAX_SHARE = 0.05;
/**
 * Single Han characters of names/aliases are the abbreviation fallback (社保卡 ↔ 社会保障卡):
 * only a rare character says which item; a common one (证, 申, 登) matches thousands of names.
 * 0.2 % keeps every eval turn and ranks the expected item first more often at 100k (167 → 173 of 236).
 */
const MAX_SHARE_CHAR = 0.002;
/** A small catalog (a city's few hundred items) keeps characters found in up to 20 items (no cost there). */
const MIN_CHAR_CAP = 20;
/**
 * Postings one field's query may walk, as a share of the items: the kept terms go in rarest
 * first while their document frequencies sum to at most this (the rarest always goes in).
 * Bounds the suggest-mode intersection of questions whose synonyms expand to many terms
 * (营业执照 → 个体工商户, 设立登记, …). Province 100k (load ≈ 1.5): 0.1 → p99 7.1–7.2 ms, 0.07 →
 * 4.9–5.8 ms, both with every eval turn kept; 0.05 → 4.8 ms but holdout 66 → 65 (guide text).
 * Expected dev item at 100k in top 1/3/10 (of 236): no budget 173/195/202, 0.1 172/194/201,
 * 0.07 171/192/200 (before any term selection: 167/189/195).
 */
const BUDGET = 0.07;

/**
 * The query terms worth handing to FlexSearch for one field: those whose document frequency in
 * the field is at most `MAX_SHARE` of the items (`MAX_SHARE_CHAR` for single characters), rarest
 * first within the `BUDGET` of postings. When every
 * term is commoner than that, the rarest one alone (a one-term FlexSearch query is a slice of its
 * postings, cheap whatever their length).
 */
function selectTerms(terms: readonly string[], count: (t: string) => number, n: number): string[] {
  const cap = MAX_SHARE * n;
  const charCap = Math.min(cap, Math.max(MIN_CHAR_CAP, MAX_SHARE_CHAR * n));
  const kept: { t: string; c: number }[] = [];
  let rarest: string | undefined;
  let rarestN = Infinity;
  for (const t of new Set(terms)) {
    const c = count(t);
    if (c === 0) continue;
    if (c <= (t.length === 1 ? charCap : cap)) kept.push({ t, c });
    else if (c < rarestN) (rarest = t), (rarestN = c);
  }
  if (!kept.length) return rarest === undefined ? [] : [rarest];
  const budget = BUDGET * n;
  let sum = 0;
  const out: string[] = [];
  for (const { t, c } of kept.sort((a, b) => a.c - b.c)) {
    if (out.length && sum + c > budget) continue;
    sum += c;
    out.push(t);
  }
  return out;
}

/** Resolution (position buckets) per field: FlexSearch's default 9 for names, 20 for guide text. */
const RESOLUTION = { name: 9, alias: 9, text: 20, bo: 9 } as const;

/** A distinct guide-text line of a title and how many of its members have it. */
interface Line {
  text: string;
  n: number;
}

/** An indexed item: its scoring facts, its title and its guide-text lines there. */
interface Member extends Entry {
  title: TitleGroup;
  /** The item's distinct lines, shared with its title's `lines`. */
  lines: Line[];
}

/** A title group's FlexSearch content and the distinct terms each member adds to the IDF counts. */
interface TitleGroup extends Title {
  key: string;
  members: Member[];
  /** Its members' distinct guide-text lines (made when a second member joins). */
  lines?: Map<string, Line>;
  /**
   * The text field's document for the title: those lines in order of first appearance, member
   * by member (a one-member title's document is its item's text). Regional copies differ in a
   * line or two (department, window address): about one guide text, not one per county.
   */
  text: readonly Line[];
  /** Distinct name, alias and Tibetan tokens: what each member adds to `df`. */
  terms: readonly string[];
  /** The same per field: what each member adds to that field's item counts. */
  fieldTerms: Record<TitleField, readonly string[]>;
}

type TitleField = "name" | "alias" | "bo";

const TITLE_FIELDS: readonly TitleField[] = ["name", "alias", "bo"];

/** A title's guide-text document: its members' lines, first appearance first. */
function unionOf(title: TitleGroup): readonly Line[] {
  if (title.members.length === 1) return title.members[0]!.lines;
  const seen = new Set<Line>();
  const order: Line[] = [];
  for (const m of title.members) for (const line of m.lines) if (!seen.has(line)) seen.add(line), order.push(line);
  return order;
}

/** Add `by` to the count of each term. */
function count(m: Map<string, number>, terms: readonly string[], by: 1 | -1): void {
  for (const t of terms) {
    const n = (m.get(t) ?? 0) + by;
    if (n > 0) m.set(t, n);
    else m.delete(t);
  }
}

/**
 * The distinct non-empty lines of an item's text field (guide text, FAQ questions, department;
 * the item's own strings: what the index keeps of its guide text).
 */
function linesOf(it: SearchItem): string[] {
  const out = new Set((it.text ?? "").split("\n"));
  for (const f of it.faq ?? []) for (const l of f.q.split("\n")) out.add(l);
  for (const l of it.department.split("\n")) out.add(l);
  out.delete("");
  return [...out];
}

const NONE: readonly string[] = [];
const NO_LINES: readonly Line[] = [];

/** Items with the same name, aliases and Tibetan name share one title (see `Title`). */
const titleKey = (it: SearchItem, boN: string) => (it.aliases.length || boN ? `${it.name}\u0000${it.aliases.join("\u0001")}\u0000${boN}` : it.name);

/**
 * In-memory search over the catalog: FlexSearch finds candidates per field (one `Index` per
 * field, suggest mode), scoring.ts ranks them by IDF-weighted concept coverage (FlexSearch has
 * no IDF), and grouping.ts folds the same item across regions into one hit.
 *
 * Fields and tokenisers: name/alias → `hybrid` (jieba words + single Han characters),
 * text (guide text, FAQ questions, department) → `words` with 20 position buckets,
 * bo (Tibetan name/aliases) → `tibetan`. Each field's text is tokenised once per FlexSearch
 * document; the same tokens feed FlexSearch (through each field's `encode`) and the document
 * frequencies used by scoring.
 *
 * A province lists the same item for every county (same name, aliases and guide text, another
 * department and window): every field indexes each distinct title once (FlexSearch id = title
 * id) and a hit on it stands for all its members — the name, alias and Tibetan fields their
 * shared content, the text field the union of the members' guide-text lines. An upsert/remove
 * moves the item between titles, re-indexing a title's guide text only when that union
 * changes; a title leaves FlexSearch with its last member. Province 100k (bench/search.ts):
 * 6k titles, 0.8M postings instead of 12.5M.
 */
export class SearchIndex {
  private fields!: Record<(typeof FIELDS)[number], FlexField>;
  private readonly byCode = new Map<string, number>();
  private readonly entries = new Map<number, Member>();
  private readonly titles = new Map<string, TitleGroup>();
  private readonly titleById = new Map<number, TitleGroup>();
  /** Document frequency (items) of name/alias tokens, for IDF weights. */
  private readonly df = new Map<string, number>();
  /**
   * Items per token in each title field (FlexSearch counts titles there): term selection and
   * the candidate cap work in items, as when every item was its own FlexSearch document.
   */
  private readonly fieldDf: Record<TitleField, Map<string, number>> = { name: new Map(), alias: new Map(), bo: new Map() };
  private corrector!: Corrector;
  private synonyms!: SynonymTable;
  private defaults: SynonymEntry[];
  private staff: SynonymEntry[] = [];
  private nextId = 1;
  private nextTitle = 1;
  /** Moves on every change (rebuild, upsert, remove, synonyms): what was computed from an older generation may be stale. */
  generation = 0;

  constructor(opts: { synonyms?: SynonymEntry[] } = {}) {
    this.defaults = opts.synonyms ?? loadDefaultSynonyms();
    this.applySynonyms();
    this.fields = this.newFields();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Replace the staff synonym entries (the shipped defaults stay underneath). */
  setSynonyms(staffEntries: SynonymEntry[]): void {
    this.generation++;
    this.staff = staffEntries;
    this.applySynonyms();
    for (const t of this.titles.values()) this.learnCorrector(t.members[0]!);
  }

  private applySynonyms(): void {
    this.synonyms = new SynonymTable([...this.defaults, ...this.staff]);
    const words2to4 = this.synonyms.allWords();
    addDomainWords(words2to4);
    this.corrector = new Corrector(new Set(words2to4));
    for (const w of words2to4) this.corrector.add(w);
  }

  private newFields(): Record<(typeof FIELDS)[number], FlexField> {
    return {
      name: new FlexField(RESOLUTION.name, hybrid),
      alias: new FlexField(RESOLUTION.alias, hybrid),
      text: new FlexField(RESOLUTION.text, words),
      bo: new FlexField(RESOLUTION.bo, tibetan),
    };
  }

  /** Drop everything and index `items` (boot, or a full reload from the catalog). */
  rebuild(items: SearchItem[]): void {
    this.generation++;
    this.fields = this.newFields();
    this.nextId = 1;
    this.nextTitle = 1;
    this.byCode.clear();
    this.entries.clear();
    this.titles.clear();
    this.titleById.clear();
    this.df.clear();
    for (const m of Object.values(this.fieldDf)) m.clear();
    // Teach the segmenter all domain words first, in one loadDict call (each call is costly),
    // once per distinct name and alias list.
    const distinct = new Map<string, SearchItem>();
    for (const it of items) distinct.set(`${it.name}\u0000${it.aliases.join("\u0001")}`, it);
    addDomainWords([...distinct.values()].flatMap((it) => this.domainWordsOf(it.name, it.aliases.map(normalize))));
    // A code listed twice: the later line wins, as with upsert.
    const latest = new Map<string, SearchItem>();
    for (const it of items) {
      latest.delete(it.code);
      latest.set(it.code, it);
    }
    for (const it of latest.values()) this.insert(it, false, true);
    // Then each title's guide text once, segmenting each distinct line once (the memo holds
    // lines repeated across titles until their last use).
    const lines = new Memo([...this.titles.values()].flatMap((t) => unionOf(t).map((l) => l.text)), words);
    for (const t of this.titles.values()) this.indexText(t, lines);
  }

  /**
   * Runs the query path over questions made from the index's own titles ("<name>要带什么",
   * "<part of a name>多少钱", …) so V8 has compiled it before the first citizen asks: right after
   * a build the first few thousand questions are several times slower (bench/search.ts,
   * "warm-up"). Uses no question data; returns the milliseconds spent.
   */
  warmUp(queries = 2000): number {
    const started = performance.now();
    const names = [...this.titles.values()].map((t) => t.members[0]!.name);
    if (!names.length) return 0;
    // A small catalog needs no more than a few questions a name.
    queries = Math.min(queries, 5 * names.length);
    const asks = ["", "要带什么", "多少钱", "在哪办", "多久能办好", "怎么办理", "需要什么条件", "能网上办吗", "找哪个部门"];
    // Spread over the catalog: a stride coprime with most sizes visits every title before repeating.
    for (let i = 0; i < queries; i++) {
      const name = names[(i * 7919) % names.length]!;
      const chars = [...name];
      // whole names, and their first or last few characters as citizens shorten them
      const part = i % 3 === 0 ? name : i % 3 === 1 ? chars.slice(0, 4).join("") : chars.slice(-4).join("");
      this.search(`${part}${asks[i % asks.length]}`, { limit: 10 });
    }
    return performance.now() - started;
  }

  /** Size of the candidate index (for the benchmark). */
  stats(): { items: number; titles: number; postings: number; terms: number } {
    let postings = 0;
    let terms = 0;
    for (const f of Object.values(this.fields)) {
      const s = f.stats();
      postings += s.postings;
      terms += s.terms;
    }
    return { items: this.entries.size, titles: this.titles.size, postings, terms };
  }

  /** Add or replace one item (a guide was published or an item changed). */
  upsert(item: SearchItem): void {
    this.generation++;
    // the guide text of the title it leaves and of the one it joins, each indexed once
    const left = this.drop(item.code);
    const joined = this.insert(item, true, true);
    if (left && left !== joined && left.members.length) this.indexText(left);
    this.indexText(joined);
  }

  remove(code: string): boolean {
    this.generation++;
    const title = this.drop(code);
    if (title?.members.length) this.indexText(title);
    return title !== undefined;
  }

  /**
   * Take an item out of its title (the title out of FlexSearch when it was the last member);
   * the title's guide text is left for the caller to re-index. Undefined: no such item.
   */
  private drop(code: string): TitleGroup | undefined {
    const id = this.byCode.get(code);
    if (id === undefined) return undefined;
    const e = this.entries.get(id)!;
    const title = e.title;
    count(this.df, title.terms, -1);
    for (const f of TITLE_FIELDS) count(this.fieldDf[f], title.fieldTerms[f], -1);
    const members = title.members;
    members.splice(members.indexOf(e), 1);
    if (!members.length) {
      // its last member left: the title leaves FlexSearch
      this.fields.name.remove(title.id);
      this.fields.alias.remove(title.id);
      this.fields.bo.remove(title.id);
      this.fields.text.remove(title.id);
      this.titles.delete(title.key);
      this.titleById.delete(title.id);
    } else for (const line of e.lines) if (--line.n === 0) title.lines?.delete(line.text);
    this.entries.delete(id);
    this.byCode.delete(code);
    return title;
  }

  /** The indexed facts of one item (name, department, region), or undefined. */
  get(code: string): { code: string; name: string; department: string; region?: string; type?: string; hasGuide: boolean } | undefined {
    const id = this.byCode.get(code);
    const e = id === undefined ? undefined : this.entries.get(id);
    return e && { code: e.code, name: e.name, department: e.department, region: e.region, type: e.type, hasGuide: e.hasGuide };
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Index one item; `deferText`: leave the title's guide text to the caller. */
  private insert(it: SearchItem, learnWords: boolean, deferText: boolean): TitleGroup {
    const id = this.nextId++;
    const boN = it.bo ? [it.bo.name ?? "", ...(it.bo.aliases ?? [])].join("|").normalize("NFC") : "";
    const key = titleKey(it, boN);
    const title = this.titles.get(key) ?? this.newTitle(it, key, boN, learnWords);
    const first = title.members[0];
    const e: Member = {
      id,
      code: it.code,
      name: it.name,
      nameN: first?.nameN ?? normalize(it.name),
      aliasN: first?.aliasN ?? it.aliases.map(normalize).join("|"),
      boN,
      department: it.department,
      region: it.region,
      type: it.type,
      hasGuide: it.hasGuide,
      title,
      lines: [],
    };
    if (!first) this.learnCorrector(e);
    this.byCode.set(it.code, id);
    this.entries.set(id, e);
    count(this.df, title.terms, 1);
    for (const f of TITLE_FIELDS) count(this.fieldDf[f], title.fieldTerms[f], 1);
    if (!first) e.lines = linesOf(it).map((text) => ({ text, n: 1 }));
    else {
      if (!title.lines) {
        title.lines = new Map();
        for (const m of title.members) for (const line of m.lines) title.lines.set(line.text, line);
      }
      const lines = title.lines;
      e.lines = linesOf(it).map((text) => {
        let line = lines.get(text);
        if (!line) lines.set(text, (line = { text, n: 0 }));
        line.n++;
        return line;
      });
    }
    if (first) title.members.push(e);
    else title.members = [e];
    if (!deferText) this.indexText(title);
    return title;
  }

  /**
   * (Re-)index a title's guide text when its document changed (a member brought a new line,
   * took away its last copy of one, or changed which member shows a line first).
   */
  private indexText(title: TitleGroup, memo?: Memo): void {
    const order = unionOf(title);
    if (order.length === title.text.length && order.every((l, i) => l === title.text[i]) && memo === undefined) return;
    title.text = order;
    const text = order.map((l) => l.text).join("\n");
    this.fields.text.remove(title.id);
    this.fields.text.add(title.id, text, memo ? textWords(text, memo) : words(text));
  }

  /** A title not indexed yet: segment its name, aliases and Tibetan name and index them once. */
  private newTitle(it: SearchItem, key: string, boN: string, learnWords: boolean): TitleGroup {
    if (learnWords) addDomainWords(this.domainWordsOf(it.name, it.aliases.map(normalize)));
    const name = hybrid(it.name);
    const aliasText = it.aliases.join(" ");
    const alias = hybrid(aliasText);
    const bo = tibetan(boN);
    const title: TitleGroup = {
      id: this.nextTitle++,
      key,
      members: [],
      text: NO_LINES,
      // (shared arrays where one field holds them all: most titles have no alias or Tibetan name)
      terms: alias.length || bo.length ? [...new Set([...name, ...alias, ...bo])] : [...new Set(name)],
      fieldTerms: { name: NONE, alias: alias.length ? [...new Set(alias)] : NONE, bo: bo.length ? [...new Set(bo)] : NONE },
    };
    title.fieldTerms.name = alias.length || bo.length ? [...new Set(name)] : title.terms;
    this.titles.set(key, title);
    this.titleById.set(title.id, title);
    this.fields.name.add(title.id, it.name, name);
    this.fields.alias.add(title.id, aliasText, alias);
    this.fields.bo.add(title.id, boN, bo);
    return title;
  }

  /** The item's 2–4-char words for the segmenter (not the whole name: search-notes pitfall 5). */
  private domainWordsOf(name: string, aliasesN: string[]): string[] {
    return [...cut(name), ...aliasesN.flatMap((a) => (a.length <= 4 ? [a] : cut(a)))].filter((w) => /^\p{Script=Han}{2,4}$/u.test(w));
  }

  private learnCorrector(e: Entry): void {
    for (const w of this.domainWordsOf(e.name, e.aliasN.split("|"))) this.corrector.add(w);
  }

  search(q: string, opts: SearchOptions = {}): SearchResult {
    const limit = opts.limit ?? 10;
    const query = analyzeQuery(q, this.synonyms, (w) =>
      this.df.has(w) || isDictWord(w) ? undefined : this.corrector.correct(w, (x) => this.df.get(x) ?? 0),
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
    const titles = new Set<Title>();
    const textRank = new Map<Title, number>();
    for (const { field, terms } of this.encodeQuery(text, fields)) {
      const f = this.fields[field as (typeof FIELDS)[number]];
      const df = field === "text" ? undefined : this.fieldDf[field as TitleField];
      const count = df ? (t: string) => df.get(t) ?? 0 : (t: string) => f.count(t);
      const result = f.search(selectTerms(terms, count, df ? this.entries.size : this.titles.size), perField);
      let listed = 0;
      for (const id of result) listed += this.titleById.get(id)?.members.length ?? 0;
      let before = 0;
      for (const id of result) {
        if (before >= perField) break;
        const t = this.titleById.get(id);
        if (!t) continue;
        titles.add(t);
        if (!df) textRank.set(t, 1 - before / Math.min(perField, listed));
        before += t.members.length;
      }
    }
    // Department/type filters apply to the candidates here: FlexSearch tags made every add
    // scan the tag's id list (quadratic build at 100k items with one type).
    const keep = (e: Entry) => (!opts.department || e.department === opts.department) && (!opts.type || e.type === opts.type);
    const df = (t: string) => this.df.get(t) ?? 0;
    const unknown = unknownConcepts(query, df);
    const scored = scoreCandidates(query, titles, textRank, df, this.entries.size, unknown, filtered ? keep : undefined);
    return { hits: groupByName(scored, opts.region, limit), query, unknown: unknown.map((c) => c.source) };
  }

  /** The query text as each field's tokeniser sees it (the same tokenisers as at index time). */
  private encodeQuery(text: string, fields: string[]): { field: string; terms: string[] }[] {
    if (fields.length === 1 && fields[0] === "bo") return [{ field: "bo", terms: tibetan(text) }];
    const w = words(text);
    const h = hybridFromWords(w, text);
    return fields.map((field) => ({ field, terms: field === "text" ? w : field === "bo" ? tibetan(text) : h }));
  }
}
