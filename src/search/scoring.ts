import type { AnalyzedQuery, Concept } from "./query";
import { isGlueWord } from "./glue-words";
import { words } from "./tokenizer";
import { loadPlainWords } from "./synonyms";

/** What the index keeps per item for ranking (normalised strings, no body text). */
export interface Entry {
  id: number;
  code: string;
  name: string;
  nameN: string;
  /** Aliases, normalised, joined by "|". */
  aliasN: string;
  /** Tibetan name and aliases (NFC), joined by "|". */
  boN: string;
  department: string;
  region?: string;
  type?: string;
  hasGuide: boolean;
  /** The title group the item belongs to. */
  title: Title;
}

/**
 * Items that share name, aliases and Tibetan name (a province lists one item for every county):
 * FlexSearch indexes the title once (its guide text as the union of the members' lines),
 * scoring matches it once, each member keeps its own department, region and guide flag.
 */
export interface Title {
  /** FlexSearch id in the name, alias and Tibetan fields. */
  id: number;
  /** Members in insertion order. */
  members: Entry[];
  /** The title's guide-text lines (titles.ts). */
  text?: readonly { text: string }[];
}

export interface Scored {
  entry: Entry;
  /** Relevance, roughly 0..1.1 (share of the question's weight the item matches, plus bonuses). */
  score: number;
  /** IDF-weighted share of the question's concepts found in the item's name/aliases (0..1). */
  coverage: number;
}

const NAME = 1;
const ALIAS = 0.9;
/** Body text/FAQ only refine the order; they never make an item "found". */
const TEXT_BONUS = 0.12;
/** Share of a name match that an unknown word found in the guide text earns. */
const TEXT_KEY = 0.7;
const textHas = (t: Title, c: Concept) => c.alternatives.some((a) => a.length >= 2 && (t.text ?? []).some((l) => l.text.includes(a)));
const SYN = 0.92;

/**
 * Words the whole catalog has never seen that name what the citizen wants (签证 in 美国旅游签证,
 * 游艇 in 游艇驾驶执照, 征信 in 征信报告): an unknown word right before or after a known noun (a
 * modifier or the head of the noun phrase), or any unknown word when the question names no known
 * thing at all. Other unknown words are circumstances ("有违章没处理能年检吗", "只卖饮料零食") and
 * are ignored. Annotates each concept's `df`.
 */
export function unknownConcepts(q: AnalyzedQuery, df: (t: string) => number): Concept[] {
  return keyUnknowns(q, df);
}

function annotate(q: AnalyzedQuery, df: (t: string) => number): void {
  for (const c of q.concepts) {
    if (c.df !== undefined) continue;
    c.df = Math.max(0, ...c.alternatives.map((a) => dfOf(a, df)));
    // 广州, 北京: a place the catalog does not know is where the citizen is, not what they want.
    if (c.place && c.df === 0) c.kind = "context";
    // "在恰卜恰开个小旅社", "在县城摆个摊": an unknown word right after 在 says where.
    // (An institution there — 在殡仪馆火化 — may be what the service is about.)
    if (c.df === 0 && c.at !== undefined && c.at > 0 && q.text?.[c.at - 1] === "在" && c.kind !== "action" && !INSTITUTION.test(c.source)) c.kind = "context";
  }
}

const INSTITUTION = /[馆院所站局厅校处室]$|中心$/u;
const isThing = (c: Concept) => c.kind === "object" || c.kind === "noun";
/** Verb + complement (发到, 拿到, 办完) is how something is done, never a service's name. */
const VERB_COMPLEMENT = /^\p{Script=Han}(?:[到完好了过上下来去齐清掉成得]|上去|下来|出来|过来|回来|起来|进去|出去|上来|下去|过去|回去)$/u;
/** A noun + localiser (村里, 家里, 工地上, 路边) says where, never which service. */
const LOCATIVE = /^\p{Script=Han}+[里上边]$/u;
/** Amounts and durations (半年, 15年, 10岁) are circumstances. */
const QUANTITY = /^[半一二两三四五六七八九十百几多\d]+[个]?[年月天日周岁次块元级]?$/u;
/** Modal + verb (能领, 不能) and words that name no thing (问题, 情况). */
const FUNCTION_START = /^[要能还就都也再只才那这去给想得会可被把让在不没咋怎啥哪最多先子儿们刚听有]/;
/** A verb said twice (问问, 看看) asks softly; it names nothing. */
const REDUPLICATED = /^(\p{Script=Han})\1$/u;
/** An event told with 了 (摔断了, 弄丢了) is what happened, not the name of a thing. */
const EVENT = /[了过]$/u;
/** Words of the situation told (问题, 县城, 门面, 生病; src/search/plain-words.yaml). */
const GENERIC = new Set(loadPlainWords().circumstances);
/** A word the catalog never saw (df 0) that could name a thing: not a circumstance, glue, place or function word. */
export const unknownWord = (c: Concept) =>
  c.df === 0 && c.kind !== "context" && !c.fn && [...c.source].length >= 2 && /\p{Script=Han}/u.test(c.source) &&
  !VERB_COMPLEMENT.test(c.source) && !isGlueWord(c.source) && !LOCATIVE.test(c.source) && !QUANTITY.test(c.source) && !FUNCTION_START.test(c.source) && !GENERIC.has(c.source) && !EVENT.test(c.source) && !REDUPLICATED.test(c.source);

function keyUnknowns(q: AnalyzedQuery, df: (t: string) => number): Concept[] {
  if (q.lang === "bo") return [];
  annotate(q, df);
  const unknown = q.concepts.filter(unknownWord);
  if (!unknown.length) return [];
  // Known things as words (not single characters, not places: 西宁 says where, 手 in 羊肉手抓 says nothing).
  const knownThings = q.concepts.filter((c) => isThing(c) && !c.place && (c.df ?? 0) > 0 && ([...c.source].length >= 2 || c.synonym));
  // Something specific the catalog knows (户口迁, 上牌): the unknown words are circumstances
  // unless they modify a known thing.
  const specific = q.concepts.some((c) => c.kind !== "context" && !c.place && (c.df ?? 0) > 0 && [...c.source].length >= 2 && (c.df ?? 0) <= 50);
  if (!knownThings.length && !specific) return unknown;

  const text = q.text ?? "";
  const adjacent = (a: Concept, b: Concept) => {
    if (a.at === undefined || b.at === undefined) return false;
    const gap = text.slice(a.at + a.source.length, b.at);
    return b.at >= a.at + a.source.length && /^的?$/.test(gap);
  };
  // Right before or after a known word (游艇驾驶执照, 旅游签证, 征信报告, 驾校报名): part of the
  // name of something the catalog lacks. Separated from them, it is a circumstance.
  // Anchors: known words of two or more characters as the citizen wrote them (not typo-corrected
  // guesses); a single character (店 in 奶茶店, 上 in 工地上) anchors nothing.
  // Places (西宁 in 西宁市区) anchor nothing either. A word followed by 了/着/过 is what happens
  // (公司搬家了), not the name of another thing.
  // (笔试面试都过了: what the citizen has passed or done is a circumstance too)
  const predicate = (u: Concept) => u.at !== undefined && /^(?:[了着过]|\p{Script=Han}{0,4}?[都也]?考?(?:过|完|通过)了)/u.test(text.slice(u.at + u.source.length));
  const known = q.concepts.filter((c) => c.kind !== "context" && !c.place && (c.df ?? 0) > 0 && c.alternatives.includes(c.source) && [...c.source].length >= 2);
  // Two unknown nouns side by side (宠物出境) name a thing the catalog lacks, whatever else is known.
  return unknown.filter((u) => !predicate(u) && (known.some((k) => adjacent(u, k) || adjacent(k, u)) || (u.kind === "noun" && unknown.some((o) => o !== u && o.kind === "noun" && (adjacent(u, o) || adjacent(o, u))))));
}

/**
 * Rank FlexSearch's candidates. FlexSearch orders by the *count* of matched terms (no IDF), so
 * "证" counts like "驾驶证"; here every concept weighs its IDF over names/aliases, an unknown
 * word weighs most (so "签证" against a catalog without visas means "not found").
 */
export function scoreCandidates(
  q: AnalyzedQuery,
  titles: Iterable<Title>,
  textRank: ReadonlyMap<Title, number>,
  df: (term: string) => number,
  n: number,
  /** `unknownConcepts(q, df)`: they weigh most. */
  unknown: readonly Concept[],
  keep?: (e: Entry) => boolean,
): Scored[] {
  annotate(q, df);
  const key = new Set(unknown);
  const weights = q.concepts.map((c) => (key.has(c) ? Math.log(1 + n) : conceptWeight(c, df, n)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const chars = q.concepts.map((c) => [...c.source]);
  // The one candidate guide whose text uses each unknown word (a word in several says which none).
  const textOnly = new Map<Concept, Title>();
  for (const c of key) {
    const holders = [...textRank.keys()].filter((t) => textHas(t, c));
    if (holders.length === 1) textOnly.set(c, holders[0]!);
  }
  const out: Scored[] = [];
  for (const t of titles) {
    // Every member has the title's name, aliases and Tibetan name: match them once.
    const e0 = t.members[0];
    if (!e0) continue;
    let matched = 0;
    for (let i = 0; i < q.concepts.length; i++) {
      const c = q.concepts[i]!;
      let m = match(c, e0, q.lang, chars[i]!);
      // A word no item's name has (锅炉, 小船) that this guide's own text uses: the question
      // describes what the item is for ("买了台锅炉要办啥" → 特种设备使用登记).
      if (m === 0 && textOnly.get(c) === t) m = TEXT_KEY;
      matched += (weights[i] ?? 0) * m;
    }
    const coverage = matched / total;
    const length = 0.001 * e0.name.length;
    const variant = variantPenalty(e0, q);
    const alias = aliasBonus(e0, q);
    const text = TEXT_BONUS * (textRank.get(t) ?? 0);
    for (const e of t.members) {
      if (keep && !keep(e)) continue;
      // (same order of additions as when each item was scored on its own: same float results)
      const score = coverage + text + (e.hasGuide ? 0.02 : 0) - length - variant + alias;
      out.push({ entry: e, score, coverage });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Item names mark variants of a base service with an action (补领, 换领, 变更, 注销, …). When
 * the question asks for none of them, the base service is meant: "办营业执照" is 设立登记,
 * not 营业执照变更登记; "社保卡在哪办" is 申领, not 补领/换领.
 */
const VARIANT_ACTIONS = ["补领", "补发", "补办", "换领", "换发", "换证", "补换", "变更", "注销", "迁移", "挂失", "延续", "撤销", "转移", "恢复", "暂停", "更正", "遗失", "损坏", "备案"];

/**
 * An alias quoted verbatim ("办退休", "领结婚证", "营业执找") is the curated colloquial name of
 * exactly this item: it outranks items that share only a word with it.
 */
const ALIAS_BONUS = 0.08;

function aliasBonus(e: Entry, q: AnalyzedQuery): number {
  const text = q.text;
  if (!text) return 0;
  for (const a of quotable(e, q.lang)) if (text.includes(a)) return ALIAS_BONUS;
  return 0;
}

/** Per entry and language: its aliases long enough to count as quoted (they change only with the entry). */
const quotableCache = { zh: new WeakMap<Entry, string[]>(), bo: new WeakMap<Entry, string[]>() };
function quotable(e: Entry, lang: "zh" | "bo"): string[] {
  let list = quotableCache[lang].get(e);
  if (!list) {
    const raw = lang === "bo" ? e.boN : e.aliasN;
    list = raw
      ? raw
          .split("|")
          .map((a) => (lang === "bo" ? a.replace(/[\u0F0B-\u0F14\s]+$/u, "") : a))
          .filter((a) => [...a].length >= (lang === "bo" ? 4 : 3))
      : [];
    quotableCache[lang].set(e, list);
  }
  return list;
}

/** Per entry: the variant actions its name carries (most carry none). */
const variantCache = new WeakMap<Entry, string[]>();
function variantsOf(e: Entry): string[] {
  let v = variantCache.get(e);
  if (!v) variantCache.set(e, (v = VARIANT_ACTIONS.filter((a) => e.nameN.includes(a))));
  return v;
}

/** The same variants in Tibetan names: replace, renew/exchange, change, first application. */
const VARIANT_ACTIONS_BO = ["སྐོང་ལེན", "བརྗེ་ལེན", "འགྱུར་བཅོས", "ཐོག་མར", "གནས་སྐབས"];

function variantPenalty(e: Entry, q: AnalyzedQuery): number {
  if (q.lang === "bo") {
    const text = q.text ?? "";
    return VARIANT_ACTIONS_BO.some((v) => e.boN.split("|")[0]!.includes(v) && !text.includes(v)) ? 0.1 : 0;
  }
  let p = 0;
  for (const a of variantsOf(e)) {
    const asked = q.concepts.some((c) => c.alternatives.some((alt) => alt.includes(a) || a.includes(alt) && alt.length >= 2));
    if (!asked) p += 0.1;
  }
  return Math.min(p, 0.15);
}

function conceptWeight(c: Concept, df: (t: string) => number, n: number): number {
  // annotate() has set c.df to exactly this maximum (dfOf may run jieba: once per concept is enough).
  let best = c.df ?? 0;
  if (c.df === undefined) for (const alt of c.alternatives) best = Math.max(best, dfOf(alt, df));
  const idf = Math.log(1 + n / (1 + best));
  // Places and people, and unknown words that are mere circumstances, say nothing about the item.
  if (c.kind === "context" || best === 0) return 0;
  const single = [...c.source].length === 1 && !c.synonym;
  if (single) return idf * 0.5;
  // The thing asked about (身份证, 社保卡) decides the item more than what is done with it
  // (首次, 补, 申请): "第一次办社保卡" is 社会保障卡申领, not 居民身份证首次申领.
  return c.kind === "action" || c.kind === "other" ? idf * 0.6 : idf;
}

function dfOf(alt: string, df: (t: string) => number): number {
  const d = df(alt);
  if (d > 0) return d;
  // A compound no name holds whole (兽药经营) is as rare as its rarest known part (兽药): no more
  // names can hold it than hold that part.
  const known = words(alt).filter((w) => [...w].length >= 2).map(df).filter((d) => d > 0);
  return known.length ? Math.min(...known) : 0;
}

function match(c: Concept, e: Entry, lang: "zh" | "bo", chars: string[]): number {
  const m = matchOne(c, e, lang, chars);
  if (m === 0 || !c.synonym || c.alternatives.length < 3 || lang === "bo") return m;
  // The synonym's expansion names this item more than once (退休 → 退休, 待遇申领 in
  // 企业职工基本养老保险待遇申领（退休）): a little more than an item matching one word of it.
  let n = 0;
  for (const alt of c.alternatives.slice(1)) if (alt.length >= 2 && e.nameN.includes(alt)) n++;
  return n >= 2 ? m * 1.05 : m;
}

/** `chars`: the characters of `c.source`. */
function matchOne(c: Concept, e: Entry, lang: "zh" | "bo", chars: string[]): number {
  if (lang === "bo") {
    for (const alt of c.alternatives) if (e.boN.includes(alt)) return NAME;
    return 0;
  }
  // The citizen's own word counts a little more than a synonym of it.
  if (e.nameN.includes(c.source)) return NAME;
  if (e.aliasN.includes(c.source)) return ALIAS;
  // The table lists the likelier official word first (营业执照 → 个体工商户登记 before 企业设立登记).
  const alts = c.alternatives;
  for (let i = 0; i < alts.length; i++) if (e.nameN.includes(alts[i]!)) return NAME * (SYN - 0.01 * Math.max(0, i - 1));
  for (let i = 0; i < alts.length; i++) if (e.aliasN.includes(alts[i]!)) return ALIAS * (SYN - 0.01 * Math.max(0, i - 1));
  // A wrong or missing character: partial credit for the share of characters present.
  if (chars.length < 2) return 0;
  let n = 0;
  for (const ch of chars) if (e.nameN.includes(ch) || e.aliasN.includes(ch)) n++;
  const hit = n / chars.length;
  return hit >= 0.5 ? 0.3 * hit : 0;
}
