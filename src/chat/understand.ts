import { loadPlainWords, normalize, unknownWord, type Concept, type SearchHit } from "../search";
import type { Aspect } from "./aspects";
import type { ChatDeps } from "./deps";
import { itemObject, staysWithCurrent } from "./follow-up";
import { coversKey, guideText, mentionedByBest, mentions } from "./guide-mentions";
import { asksAdvice } from "./advice";
import type { Decision } from "./decision";
import { oneChoiceIsASuggestion, pick } from "./pick";
import { oneOfficeFor } from "./same-office";
import { isNearMiss } from "./near-miss";
import { sameItemInRegion } from "./in-region";
import { guideOfNamedOffice } from "./office";
import { isKnownThing, isModifier, keyThing } from "./things";
import type { PublishedGuide } from "./ports";
import { readQuestion, type ReadQuestion } from "./read-question";
import type { Session } from "./session";

/** Share of the question's (IDF-weighted) words an item must match to be answered directly. */
export const CONFIDENT = 0.6;
/** Below CONFIDENT but at least this: offer the items as a list (logged as low confidence). */
export const POSSIBLE = 0.4;
/** Items whose scores are this close to the best are "several close matches". */
const CLOSE = 0.04;
const MAX_CHOICES = 3;

export type { Decision } from "./decision";

/**
 * From a question (and the conversation so far) to a decision: which item, which aspect.
 * Mutates `session` with what was learnt (region).
 *
 * - A follow-up that names nothing new ("要多少钱？", "在哪办", "还要户口本吗" when the current
 *   guide mentions 户口簿) stays with the current item; a new thing switches.
 * - One item clearly covering the question → answer; several close ones that differ → a short
 *   numbered list; a key word the catalog has never seen (签证, 游艇) → not found.
 *
 * The steps, in order, each deciding or passing on: a pick from the last list, reading the
 * question, an office named alone (office.ts), the conversation's current item, words nobody
 * knows (unless things told around a clear lead), a confident match, a partial one; then near
 * misses are set aside (for the next guide below one, if any) and a "not found" may still be an
 * office asked about.
 */
export async function understand(deps: ChatDeps, text: string, session: Session): Promise<Decision> {
  const picked = pick(text, session);
  if (picked) return picked;
  // "哪家驾校便宜", "吃啥药好": an opinion or a favour, which no guide answers (not even the current one).
  if (asksAdvice(text)) return { kind: "not_found", aspect: "overview", suggestions: [] };
  const q = await readQuestion(deps, text, session);
  // "尖扎消防大队在哪": an office that published guides handle, named alone or where no service is found.
  const office = guideOfNamedOffice(deps, q.rest, q.aspect, session.region);
  if (office?.only) return answer(q, office.code, false);
  const listed = await notNearMiss(deps, q, await decide(deps, q, session));
  const office1 = oneOfficeFor(deps, listed, q.text);
  if (office1) return { ...answer(q, office1, false), lowConfidence: true } as Decision;
  const d = oneChoiceIsASuggestion(listed);
  return office && d.kind === "not_found" ? ({ ...answer(q, office.code, false), lowConfidence: true } as Decision) : d;
}


async function decide(deps: ChatDeps, q: ReadQuestion, session: Session): Promise<Decision> {
  const followUp = await followUpOfCurrent(deps, q, session);
  if (followUp) return followUp;
  // An unknown word the best guide mentions ("夫妻投靠" in 户口迁移) is known after all.
  if (q.unknown.length > 0 && !(await mentionedByBest(deps, q.hits, q.unknown))) {
    const lead = await clearLeadDespiteUnknowns(deps, q);
    return lead ? ({ ...answer(q, lead.code, false), lowConfidence: true } as Decision) : notFound(q.aspect, q.hits);
  }
  const top = preferGuide(q.hits);
  return confidentMatch(q, top, session) ?? (await partialMatch(deps, q, top, session));
}

/**
 * "家里小卖部只卖饮料方便面火腿肠 也要办食品许可证吗": things the catalog never saw, told around a
 * thing one published guide clearly covers (far ahead of the next item, naming the key thing),
 * none of them bound to a known word (蒸汽锅炉 may be another kind of 锅炉; 国际驾照 is).
 */
async function clearLeadDespiteUnknowns(deps: ChatDeps, q: ReadQuestion): Promise<SearchHit | undefined> {
  const [top, next] = q.hits;
  const key = keyThing(q.concepts);
  if (!top?.hasGuide || !key || top.coverage < POSSIBLE - 0.05 || (next && top.score - next.score < UNKNOWN_LEAD)) return undefined;
  const unknown = q.concepts.filter((c) => q.unknown.includes(c.source));
  // Things told (饮料, 歌手), not actions: an action the catalog lacks (强制执行, 租给, 调低) is another service.
  if (unknown.some((c) => c.kind !== "noun")) return undefined;
  // Right before a known thing it names another kind of it (燃油补贴, 蒸汽锅炉); right after a
  // known action it is what is applied for (申请强制执行).
  const known = q.concepts.filter((c) => c.at !== undefined && !c.place && (c.df ?? 0) > 0 && (isKnownThing(c) || c.kind === "action"));
  const bound = unknown.some((u) =>
    known.some((k) => (isKnownThing(k) && u.at! + u.source.length === k.at) || (k.kind === "action" && k.at! + k.source.length === u.at)));
  return !bound && (await coversKey(deps, top, key)) ? top : undefined;
}

/** How far ahead of the next item a guide must be to be answered though the question has words the catalog lacks. */
const UNKNOWN_LEAD = 0.15;

/** A confident neighbour is worse than "not found": drop answers and choices that are near misses (near-miss.ts). */
async function notNearMiss(deps: ChatDeps, q: ReadQuestion, d: Decision): Promise<Decision> {
  const asked = { concepts: q.concepts, unknown: q.unknown, text: normalize(q.text) };
  // A numbered list offers only items about the thing asked (出生证明丢了 lists no 驾驶证补领).
  const key = keyThing(q.concepts);
  if (d.kind === "answer") {
    if (!(await isNearMiss(deps, asked, d.code, d.followUp))) return d;
    // 出生证补办 → not 首次签发 (a near miss) but the 补发 guide just below it, when it covers the key thing.
    const next = await nextGuideNotNearMiss(deps, q, asked, d.code, key);
    return next ? ({ ...answer(q, next.code, false), lowConfidence: true } as Decision) : notFound(q.aspect, await about(deps, q.hits, key), q.hits[0]?.code);
  }
  if (d.kind === "not_found") return key && d.suggestions.length ? { ...d, suggestions: (await about(deps, q.hits, key)).filter((h) => d.suggestions.some((s) => s.code === h.code)).map(brief) } : d;
  const kept = [];
  for (const c of d.candidates) {
    const hit = q.hits.find((h) => h.code === c.code);
    if (key && hit && !(await coversKey(deps, hit, key))) continue;
    if (!(await isNearMiss(deps, asked, c.code))) kept.push(c);
  }
  if (kept.length === d.candidates.length) return d;
  return kept.length ? { ...d, candidates: kept } : notFound(q.aspect, await about(deps, q.hits, key), q.hits[0]?.code);
}

/** The first published guide below a near miss that covers the question well enough, is about the key thing and is no near miss itself. */
async function nextGuideNotNearMiss(deps: ChatDeps, q: ReadQuestion, asked: Parameters<typeof isNearMiss>[1], missed: string, key: Concept | undefined): Promise<SearchHit | undefined> {
  const top = q.hits.find((h) => h.code === missed);
  for (const h of q.hits.slice(0, MAX_CHOICES + 1)) {
    if (h.code === missed || !h.hasGuide || h.coverage < POSSIBLE || (top && top.score - h.score > NEXT_MARGIN)) continue;
    if (key && !(await coversKey(deps, h, key))) continue;
    if (!(await isNearMiss(deps, asked, h.code))) return h;
  }
  return undefined;
}

/** How far below a near miss the next guide may score and still be answered. */
const NEXT_MARGIN = 0.15;

/** The hits about the key thing asked (all of them when the question names none). */
async function about(deps: ChatDeps, hits: SearchHit[], key: Concept | undefined): Promise<SearchHit[]> {
  if (!key) return hits;
  const out = [];
  for (const h of hits.slice(0, MAX_CHOICES * 2)) if (await coversKey(deps, h, key)) out.push(h);
  return out;
}

const answer = (q: ReadQuestion, code: string, followUp: boolean): Decision => ({
  kind: "answer", code, aspect: q.aspect, followUp, match: q.match, concepts: q.allConcepts, question: q.text,
});

/** A question that names nothing new stays with the item talked about (or another variant of it). */
async function followUpOfCurrent(deps: ChatDeps, q: ReadQuestion, session: Session): Promise<Decision | undefined> {
  // "要多少钱？" / "在哪办": nothing left that names an item → the item we were talking about.
  if (q.concepts.length === 0) {
    return q.inContext ? stayWith(deps, q, session) : { kind: "not_found", aspect: q.aspect, suggestions: [] };
  }
  // (Tibetan words carry no part of speech: a Tibetan question is resolved by its match below.)
  if (q.inContext && q.lang === "zh") {
    const current = await deps.catalog.getGuide(session.itemCode!);
    // A new topic leaves the old item: a thing no guide knows ("我家猫丢了") or another service's
    // own thing ("身份证过期了咋换" after a business licence, whose guide lists 身份证 as a material).
    if (strangerTo(q, current)) return notFound(q.aspect, [], q.hits[0]?.code);
    if (otherService(q, session, current)) return undefined;
    const stay = staysWithCurrent(q.concepts, session.itemName ?? "", current);
    if (stay === "stay") return stayWith(deps, q, session);
    if (stay === "variant") {
      // "补办呢" after 身份证换领 → 身份证补领; "多长时间能拿" → still the same item.
      const combined = deps.search.search(`${itemObject(session.itemName ?? "")} ${q.rest}`, { limit: 3, region: session.region }).hits[0];
      if (combined && combined.coverage >= CONFIDENT) return answer(q, combined.code, combined.code === session.itemCode);
      return stayWith(deps, q, session);
    }
  }
  return undefined;
}

/** The conversation's item — as published for the place named in this question, when another guide serves it. */
function stayWith(deps: ChatDeps, q: ReadQuestion, session: Session): Decision {
  const there = q.regionNamed ? sameItemInRegion(deps, session.itemCode!, q.regionNamed) : undefined;
  return there ? answer(q, there, false) : answer(q, session.itemCode!, true);
}

/** A noun the catalog has never seen (df 0) that the current guide does not mention either. */
function strangerTo(q: ReadQuestion, current: PublishedGuide | null): boolean {
  const text = current ? guideText(current) : "";
  return strangersOf(q).some((w) => !text.includes(w));
}

const CIRCUMSTANCES = new Set(loadPlainWords().circumstances);

/** Nouns the catalog has never seen, when the question names no thing the catalog knows. */
function strangersOf(q: ReadQuestion): string[] {
  if (q.concepts.some((c) => isKnownThing(c) && !c.place)) return [];
  // (one character the catalog never saw is a thing too — 猫 — unless it is a circumstance: 腿)
  const strange = (c: Concept) => unknownWord(c) || (c.df === 0 && [...c.source].length === 1 && !CIRCUMSTANCES.has(c.source));
  return q.concepts.filter((c) => c.kind === "noun" && !c.place && !c.synonym && strange(c)).map((c) => c.source);
}

/**
 * "身份证过期了咋换" while talking about a business licence: the question names a thing that is
 * not the current item (not in its name or other names) and an action on it, and a guide of its
 * own covers the question — the citizen asks about that service, not a material of this one.
 */
function otherService(q: ReadQuestion, session: Session, current: PublishedGuide | null): boolean {
  const names = normalize([session.itemName ?? "", ...(current?.aliases ?? [])].join(" "));
  const things = q.concepts.filter((c) => isKnownThing(c) && !c.place && ([...c.source].length >= 2 || c.synonym));
  if (!things.length || things.some((c) => c.alternatives.some((a) => a.length >= 2 && names.includes(a)))) return false;
  // "健康证是哪个部门办的": asking who handles a thing asks for its service (a list's item can answer that).
  const asksWho = q.aspect === "authority";
  if (!asksWho && !q.concepts.some((c) => c.kind === "action" && (c.df ?? 1) > 0)) return false;
  const top = preferGuide(q.hits);
  return !!top && top.code !== session.itemCode && (top.hasGuide || asksWho) && top.coverage >= CONFIDENT &&
    things.some((c) => c.alternatives.some((a) => a.length >= 2 && normalize(top.name).includes(a)));
}

/** The best hit, except that a published guide that covers the question beats a catalog-only item scoring a little higher. */
function preferGuide(hits: SearchHit[]): SearchHit | undefined {
  const top = hits[0];
  if (top && !top.hasGuide) {
    const guided = hits.find((h) => h.hasGuide && h.coverage >= CONFIDENT && top.score - h.score < GUIDE_MARGIN);
    if (guided) return guided;
  }
  return top;
}

/** The best hit covers the question: answer it, or list the close ones the question cannot tell apart. */
function confidentMatch(q: ReadQuestion, top: SearchHit | undefined, session: Session): Decision | undefined {
  if (!top || top.coverage < CONFIDENT) return undefined;
  const close = [top, ...q.hits.filter((h) => h !== top && h.coverage >= CONFIDENT && top.score - h.score < CLOSE)];
  const current = close.find((h) => h.code === session.itemCode);
  if (current) return answer(q, current.code, true);
  // A published guide answers; a catalog-only item can only name its department.
  const choices = (top.hasGuide ? close.filter((h) => h.hasGuide) : close).slice(0, MAX_CHOICES);
  if (choices.length <= 1) return answer(q, top.code, false);
  // Answer rather than ask: the best guide answers and the runner-up is named in one line;
  // a list only when the question cannot tell them apart at all.
  if (top.hasGuide && !indistinguishable(choices[0]!, choices[1]!)) return { ...answer(q, top.code, false), alternative: brief(choices[1]!) } as Decision;
  return { kind: "choose", candidates: choices.map(brief), aspect: q.aspect, lowConfidence: false };
}

/** Not every word matched: the current item, a guide covering the key thing, a clear lead, a list, or not found. */
async function partialMatch(deps: ChatDeps, q: ReadQuestion, top: SearchHit | undefined, session: Session): Promise<Decision> {
  const { aspect, concepts, hits } = q;
  // A follow-up with extra words ("外地能办吗"): the current item, unless a new thing is named.
  if (q.inContext && !concepts.some(isKnownThing)) return answer(q, session.itemCode!, true);
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
      return { ...answer(q, best.code, false), lowConfidence: true, ...(alt ? { alternative: brief(alt) } : {}) } as Decision;
    }
  }
  // No thing named as a word, but one published guide is clearly ahead (生二胎…登记 → 生育登记).
  const next = hits.find((h) => h !== top);
  if (top && top.hasGuide && top.coverage >= POSSIBLE && (!next || top.score - next.score >= LEAD)) {
    return { ...answer(q, top.code, false), lowConfidence: true } as Decision;
  }
  if (top && top.coverage >= POSSIBLE) {
    return { kind: "choose", candidates: hits.slice(0, MAX_CHOICES).map(brief), aspect, lowConfidence: true };
  }
  return notFound(aspect, hits);
}

function notFound(aspect: Aspect, hits: SearchHit[], bestCode = hits[0]?.code): Decision {
  return {
    kind: "not_found",
    aspect,
    suggestions: hits.filter((h) => h.coverage >= 0.3).slice(0, MAX_CHOICES).map(brief),
    bestCode,
  };
}

/** Lead over the next item that makes a partial match the answer. */
const CLEAR = 0.15;

/** Lead over the next item that makes a partial match without a named thing the answer. */
const LEAD = 0.1;

/** Least coverage for a guided item that names the key thing to be answered. */
const PARTIAL = 0.2;

/** Scores this close with the same coverage: the question cannot tell the items apart. */
const TIE = 0.005;
const indistinguishable = (a: SearchHit, b: SearchHit) => Math.abs(a.score - b.score) < TIE && Math.abs(a.coverage - b.coverage) < TIE;

/** How far below a catalog-only item a guided item may score and still be preferred. */
const GUIDE_MARGIN = 0.1;


const brief = (h: SearchHit) => ({ code: h.code, name: h.name });
