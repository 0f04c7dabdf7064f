import type { SearchHit } from "../search/search-index";
import type { Concept } from "../search/query";
import type { PublishedGuide } from "../search/ports";
import { normalize } from "../search/tokenizer";
import { detectAspect, type Aspect, type AspectMatch } from "./aspects";
import type { ChatDeps } from "./deps";
import { detectRegion } from "./regions";
import type { Session } from "./session";

/** Share of the question's (IDF-weighted) words an item must match to be answered directly. */
export const CONFIDENT = 0.6;
/** Below CONFIDENT but at least this: offer the items as a list (logged as low confidence). */
export const POSSIBLE = 0.4;
/** Items whose scores are this close to the best are "several close matches". */
const CLOSE = 0.04;
const MAX_CHOICES = 3;

export type Decision =
  | { kind: "answer"; code: string; aspect: Aspect; followUp: boolean; match?: AspectMatch; concepts?: Concept[]; question?: string; lowConfidence?: boolean; alternative?: { code: string; name: string } }
  | { kind: "choose"; candidates: { code: string; name: string }[]; aspect: Aspect; lowConfidence: boolean }
  | { kind: "not_found"; aspect: Aspect; suggestions: { code: string; name: string }[]; bestCode?: string };

/**
 * From a question (and the conversation so far) to a decision: which item, which aspect.
 * Mutates `session` with what was learnt (region).
 *
 * - A follow-up that names nothing new ("要多少钱？", "在哪办", "还要户口本吗" when the current
 *   guide mentions 户口簿) stays with the current item; a new thing switches.
 * - One item clearly covering the question → answer; several close ones that differ → a short
 *   numbered list; a key word the catalog has never seen (签证, 游艇) → not found.
 */
export async function understand(deps: ChatDeps, text: string, session: Session): Promise<Decision> {
  const picked = pick(text, session);
  if (picked) return picked;
  const match = detectAspect(text);
  const { aspect } = match;
  const region = detectRegion(match.rest);
  if (region) {
    session.region = region.code;
    session.regionName = region.name;
  }
  // Question words name nothing ("西宁哪家羊肉好吃").
  // "户口在海东", "营业执照办好了": where the citizen lives and what they already have are not what they ask for.
  let rest = (region?.rest ?? match.rest).replace(QUESTION_WORDS, " ").replace(RESIDENCE, " ").replace(DONE, " ");
  // "这个证能管几年": in a conversation, "this certificate" is the item talked about.
  if (session.itemCode !== undefined) rest = rest.replace(THIS, " ");
  let found = deps.search.search(rest, { limit: 8, region: session.region });
  /** Everything the question says, for choosing the part of the guide that answers. */
  const allConcepts = found.query.concepts.filter((c) => c.kind !== "context");
  // "身份证被偷了怎么补 要带户口本吗": 户口本 is asked about as a material of the item, not the item.
  const material = askedMaterial(text);
  if (material && rest.includes(material)) {
    const without = rest.replace(material, " ");
    const second = deps.search.search(without, { limit: 8, region: session.region });
    if (second.query.concepts.some(isKnownThing)) [rest, found] = [without, second];
  }
  const concepts = found.query.concepts.filter((c) => c.kind !== "context");
  const hits = await rerank(deps, found.hits, concepts, found.unknown);
  const answer = (code: string, followUp: boolean): Decision => ({ kind: "answer", code, aspect, followUp, match, concepts: allConcepts, question: text });
  const inContext = session.itemCode !== undefined;

  // "要多少钱？" / "在哪办": nothing left that names an item → the item we were talking about.
  if (concepts.length === 0) {
    return inContext ? answer(session.itemCode!, true) : { kind: "not_found", aspect, suggestions: [] };
  }

  // (Tibetan words carry no part of speech: a Tibetan question is resolved by its match below.)
  if (inContext && found.query.lang === "zh") {
    const current = await deps.catalog.getGuide(session.itemCode!);
    const stay = staysWithCurrent(concepts, session.itemName ?? "", current);
    if (stay === "stay") return answer(session.itemCode!, true);
    if (stay === "variant") {
      // "补办呢" after 身份证换领 → 身份证补领; "多长时间能拿" → still the same item.
      const combined = deps.search.search(`${itemObject(session.itemName ?? "")} ${rest}`, { limit: 3, region: session.region }).hits[0];
      if (combined && combined.coverage >= CONFIDENT) return answer(combined.code, combined.code === session.itemCode);
      return answer(session.itemCode!, true);
    }
  }

  // An unknown word the best guide mentions ("夫妻投靠" in 户口迁移) is known after all.
  if (found.unknown.length > 0 && !(await mentionedByBest(deps, hits, found.unknown))) return notFound(aspect, hits);
  let top = hits[0];
  // A published guide that covers the question beats a catalog-only item scoring a little higher.
  if (top && !top.hasGuide) {
    const guided = hits.find((h) => h.hasGuide && h.coverage >= CONFIDENT && top!.score - h.score < GUIDE_MARGIN);
    if (guided) top = guided;
  }
  if (top && top.coverage >= CONFIDENT) {
    const t = top;
    const close = [t, ...hits.filter((h) => h !== t && h.coverage >= CONFIDENT && t.score - h.score < CLOSE)];
    const current = close.find((h) => h.code === session.itemCode);
    if (current) return answer(current.code, true);
    // A published guide answers; a catalog-only item can only name its department.
    const choices = (t.hasGuide ? close.filter((h) => h.hasGuide) : close).slice(0, MAX_CHOICES);
    if (choices.length <= 1) return answer(top.code, false);
    // Answer rather than ask: the best guide answers and the runner-up is named in one line;
    // a list only when the question cannot tell them apart at all.
    if (t.hasGuide && !indistinguishable(choices[0]!, choices[1]!)) return { ...answer(top.code, false), alternative: brief(choices[1]!) } as Decision;
    return { kind: "choose", candidates: choices.map(brief), aspect, lowConfidence: false };
  }
  // A follow-up with extra words ("外地能办吗"): the current item, unless a new thing is named.
  if (inContext && !concepts.some(isKnownThing)) return answer(session.itemCode!, true);
  // Not every word matched, but a published guide covers the key thing asked about (the rarest
  // thing the question names, in its name or its text): answer it (logged as low confidence)
  // rather than list items that share only common words; name the runner-up when it is close.
  const guided = hits.filter((h) => h.hasGuide && h.coverage >= PARTIAL).slice(0, 4);
  const key = keyThing(concepts);
  if (key && guided.length) {
    const covering: SearchHit[] = [];
    for (const h of guided) if (await coversKey(deps, h, key)) covering.push(h);
    // "国际驾照", "无人机驾驶执照": a word right before the key thing that the guide never
    // mentions makes it another kind of thing, one the catalog lacks.
    const modifier = concepts.find((c) => c.at !== undefined && key.at !== undefined && c.at + c.source.length === key.at && isModifier(c));
    if (modifier && covering[0] && !(await mentions(deps, covering[0], modifier.alternatives))) return notFound(aspect, hits);
    const best = covering[0];
    if (best && (!top || best === top || top.score - best.score < GUIDE_MARGIN * 2 || !top.hasGuide)) {
      const alt = covering[1] && best.score - covering[1].score < CLEAR ? covering[1] : undefined;
      return { ...answer(best.code, false), lowConfidence: true, ...(alt ? { alternative: brief(alt) } : {}) } as Decision;
    }
  }
  // No thing named as a word, but one published guide is clearly ahead (生二胎…登记 → 生育登记).
  const next = hits.find((h) => h !== top);
  if (top && top.hasGuide && top.coverage >= POSSIBLE && (!next || top.score - next.score >= LEAD)) {
    return { ...answer(top.code, false), lowConfidence: true } as Decision;
  }
  if (top && top.coverage >= POSSIBLE) {
    return { kind: "choose", candidates: hits.slice(0, MAX_CHOICES).map(brief), aspect, lowConfidence: true };
  }
  return notFound(aspect, hits);
}

function notFound(aspect: Aspect, hits: SearchHit[]): Decision {
  return {
    kind: "not_found",
    aspect,
    suggestions: hits.filter((h) => h.coverage >= 0.3).slice(0, MAX_CHOICES).map(brief),
    bestCode: hits[0]?.code,
  };
}

const QUESTION_WORDS = /哪家|哪位|哪种|哪样|哪一个|哪一家|什么样|啥样/g;
/** "户口在海东", "老家是甘肃的": the citizen's residence, a circumstance. */
const RESIDENCE = /(户口|户籍|老家|家)(都|也|还)?(在|是)\p{Script=Han}{1,4}?(?:的|[，,\s]|$)/gu;
/** "营业执照办好了, 还要…": what the citizen already has, in a clause before the question. */
const DONE = /(已经)?[\p{Script=Han}]{2,6}?(已经)?(办好了|办完了|办下来了|拿到了|已办)(?=[，,。\s]+\S)/gu;
/** "这个证", "那个事": the item of the conversation. */
const THIS = /(这个|那个|这|那)(证件|证|本|卡|事儿?|手续|执照|东西)?/g;

/** Lead over the next item that makes a partial match the answer. */
const CLEAR = 0.15;

/** Lead over the next item that makes a partial match without a named thing the answer. */
const LEAD = 0.1;

/** Least coverage for a guided item that names the key thing to be answered. */
const PARTIAL = 0.2;

/** Scores this close with the same coverage: the question cannot tell the items apart. */
const TIE = 0.005;
const indistinguishable = (a: SearchHit, b: SearchHit) => Math.abs(a.score - b.score) < TIE && Math.abs(a.coverage - b.coverage) < TIE;

/** The rarest known thing of the question (养老金 in 农村养老金发到哪个卡上), as the citizen wrote it or a synonym. */
function keyThing(concepts: Concept[]): Concept | undefined {
  // A thing from the synonym table (无犯罪, 公积金) is a thing for sure; a jieba noun may be a
  // fragment (开个): the table's things first, then the rarest.
  return concepts
    .filter((c) => isKnownThing(c) && !c.place && ([...c.source].length >= 2 || c.synonym))
    .sort((a, b) => Number(b.kind === "object") - Number(a.kind === "object") || (a.df ?? 0) - (b.df ?? 0))[0];
}

/** The item names the key thing (name/alias), or its guide text does. */
function coversKey(deps: ChatDeps, hit: SearchHit, key: Concept): Promise<boolean> {
  return mentions(deps, hit, key.alternatives.filter((a) => a.length >= 2));
}

/** A word that can make a noun another kind of thing (国际, 无人机), not a verb, place or fragment (办, 开个). */
const isModifier = (c: Concept) =>
  !c.synonym && !c.place && !c.fn && c.kind !== "context" && c.kind !== "action" && [...c.source].length >= 2 && !/[个了的着过]/.test(c.source);

/** The item's name, or else its guide text, contains one of `words`. */
async function mentions(deps: ChatDeps, hit: SearchHit, words: string[]): Promise<boolean> {
  if (words.some((a) => normalize(hit.name).includes(a))) return true;
  const g = await deps.catalog.getGuide(hit.code);
  return !!g && words.some((a) => guideText(g).includes(a));
}

/** How far below a catalog-only item a guided item may score and still be preferred. */
const GUIDE_MARGIN = 0.1;

/** The best guided hit's guide text mentions every unknown word (or an abbreviation of it). */
async function mentionedByBest(deps: ChatDeps, hits: SearchHit[], unknown: string[]): Promise<boolean> {
  const best = hits.find((h) => h.hasGuide);
  if (!best || best.coverage < 0.3) return false;
  const g = await deps.catalog.getGuide(best.code);
  return !!g && unknown.every((u) => guideText(g).includes(u) || abbreviates(u, guideText(g)));
}

/**
 * A Chinese abbreviation keeps characters of the full name in order (车管所 = 车辆管理所, 社保局 =
 * 社会保险局): each character of the word within a few characters of the previous one.
 */
function abbreviates(word: string, text: string): boolean {
  const chars = [...word];
  if (chars.length < 3) return false;
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(chars.map(esc).join("[^\\n，。；、]{0,3}"), "u").test(text);
}

/**
 * Words the guide text mentions count half: "车有抵押能过户吗" names 机动车转移登记 by 车/过户, and its
 * conditions mention 抵押, so it covers the whole question; 不动产抵押登记 covers only 抵押.
 * Adjusts coverage and score of the first few guided hits and re-sorts.
 */
async function rerank(deps: ChatDeps, hits: SearchHit[], concepts: Concept[], unknown: string[]): Promise<SearchHit[]> {
  const significant = concepts.filter((c) => ((c.df ?? 0) > 0 || unknown.includes(c.source)) && ([...c.source].length >= 2 || c.synonym));
  if (!significant.length) return hits;
  const out = await Promise.all(
    hits.map(async (h, i) => {
      if (i >= 5 || !h.hasGuide || h.coverage < 0.3) return h;
      const g = await deps.catalog.getGuide(h.code);
      if (!g) return h;
      const text = guideText(g);
      const support = significant.filter((c) => c.alternatives.some((a) => a.length >= 2 && text.includes(a))).length / significant.length;
      const extra = 0.5 * Math.max(0, support - h.coverage);
      return extra > 0 ? { ...h, coverage: h.coverage + extra, score: h.score + extra } : h;
    }),
  );
  return out.sort((a, b) => b.score - a.score);
}

/** "要带户口本吗", "要结婚证不": the thing asked to be needed (a material), if any. */
function askedMaterial(text: string): string | undefined {
  const m = /(?:要带|需要带|带上|还要|需要|要|得|用)(?!办|去|交|花|等|跑|多|几)(\p{Script=Han}{2,6}?)(?:吗|不|么|嘛|没)[？?。!！\s]*$/u.exec(normalize(text));
  return m?.[1];
}

const isKnownThing = (c: Concept) => (c.kind === "object" || c.kind === "noun") && (c.df ?? 1) > 0;

/**
 * Does a follow-up stay with the current item? It stays when every thing it names is part of
 * the current guide (its name, aliases, materials, conditions, FAQ…: "还要户口本吗" after 结婚登记)
 * and it asks for no other variant of the service; "variant" when it asks for another action
 * on the same object ("补办呢" after 换领); "switch" when it names something new.
 */
function staysWithCurrent(concepts: Concept[], itemName: string, g: PublishedGuide | null): "stay" | "variant" | "switch" {
  const name = normalize(itemName);
  const text = g ? guideText(g) : name;
  const things = concepts.filter((c) => (c.kind === "object" || c.kind === "noun") && ([...c.source].length >= 2 || c.synonym));
  const newThing = things.some((c) => (c.df ?? 1) > 0 && !c.alternatives.some((a) => a.length >= 2 && text.includes(a)));
  if (newThing) return "switch";
  // "那上户口要带啥" after 出生医学证明: an action of the table, as the citizen wrote it (not a typo
  // guess), that names a whole service (上户口 → 出生登记) names another item when the current item's name is not that service, even if its
  // guide mentions it.
  const service = concepts.some((c) => c.synonym && c.kind === "action" && (c.df ?? 1) > 0 && c.alternatives[0] === c.source &&
    c.alternatives.slice(1).some((a) => a.length >= 4) && !c.alternatives.some((a) => a.length >= 2 && name.includes(a)));
  if (service) return "switch";
  const variant = concepts.some((c) => c.alternatives.some((a) => VARIANTS.some((v) => a.includes(v))) && !c.alternatives.some((a) => name.includes(a)));
  return variant ? "variant" : "stay";
}

const textCache = new WeakMap<PublishedGuide, string>();
function guideText(g: PublishedGuide): string {
  let t = textCache.get(g);
  if (t === undefined) {
    t = normalize([
      g.name, ...g.aliases, ...g.conditions, ...g.materials.map((m) => `${m.name}${m.note ?? ""}`),
      ...g.procedure.map((p) => `${p.step}${p.description ?? ""}`), ...g.basis.map((b) => `${b.title}${b.text ?? ""}`),
      ...g.faq.map((f) => `${f.q}${f.a}`), g.timeLimit.note ?? "", ...g.locations.map((l) => l.name), g.authority.name,
    ].join("\n"));
    textCache.set(g, t);
  }
  return t;
}

/** "2", "第2个", "2号" after a numbered list picks that item. */
function pick(text: string, session: Session): Decision | undefined {
  if (!session.candidates?.length) return undefined;
  const m = /^(?:第)?\s*([1-9])\s*(?:个|号|项)?\s*[。.！!]?$/.exec(text.trim());
  if (!m) return undefined;
  const c = session.candidates[Number(m[1]) - 1];
  if (!c) return undefined;
  return { kind: "answer", code: c.code, aspect: session.pendingAspect ?? "overview", followUp: false };
}

const VARIANTS = ["补领", "补办", "补发", "换领", "换证", "换发", "变更", "注销", "迁移", "挂失", "首次", "临时"];

/** The thing an item is about, without its action: 居民身份证换领（有效期满） → 居民身份证. */
function itemObject(name: string): string {
  let s = name.replace(/[（(][^）)]*[）)]/g, "");
  for (const v of [...VARIANTS, "申领", "申请", "登记", "核发"]) s = s.split(v).join("");
  return s;
}

const brief = (h: SearchHit) => ({ code: h.code, name: h.name });
