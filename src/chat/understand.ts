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
  | { kind: "answer"; code: string; aspect: Aspect; followUp: boolean; match?: AspectMatch; concepts?: Concept[]; question?: string }
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
  const rest = region?.rest ?? match.rest;
  const found = deps.search.search(rest, { limit: 8, region: session.region });
  const hits = found.hits;
  const concepts = found.query.concepts.filter((c) => c.kind !== "context");
  const answer = (code: string, followUp: boolean): Decision => ({ kind: "answer", code, aspect, followUp, match, concepts, question: text });
  const inContext = session.itemCode !== undefined;

  // "要多少钱？" / "在哪办": nothing left that names an item → the item we were talking about.
  if (concepts.length === 0) {
    return inContext ? answer(session.itemCode!, true) : { kind: "not_found", aspect, suggestions: [] };
  }

  if (inContext) {
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

  if (found.unknown.length > 0) return notFound(aspect, hits, found.unknown);
  const top = hits[0];
  if (top && top.coverage >= CONFIDENT) {
    const close = hits.filter((h) => h.coverage >= CONFIDENT && top.score - h.score < CLOSE);
    const current = close.find((h) => h.code === session.itemCode);
    if (current) return answer(current.code, true);
    // A published guide answers; a catalog-only item can only name its department.
    const choices = (top.hasGuide ? close.filter((h) => h.hasGuide) : close).slice(0, MAX_CHOICES);
    if (choices.length <= 1) return answer(top.code, false);
    return { kind: "choose", candidates: choices.map(brief), aspect, lowConfidence: false };
  }
  // A follow-up with extra words ("外地能办吗"): the current item, unless a new thing is named.
  if (inContext && !concepts.some(isKnownThing)) return answer(session.itemCode!, true);
  if (top && top.coverage >= POSSIBLE) {
    return { kind: "choose", candidates: hits.slice(0, MAX_CHOICES).map(brief), aspect, lowConfidence: true };
  }
  return notFound(aspect, hits, []);
}

function notFound(aspect: Aspect, hits: SearchHit[], _unknown: string[]): Decision {
  return {
    kind: "not_found",
    aspect,
    suggestions: hits.filter((h) => h.coverage >= 0.3).slice(0, MAX_CHOICES).map(brief),
    bestCode: hits[0]?.code,
  };
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
  const things = concepts.filter((c) => c.kind === "object" || c.kind === "noun");
  const newThing = things.some((c) => (c.df ?? 1) > 0 && !c.alternatives.some((a) => a.length >= 2 && text.includes(a)));
  if (newThing) return "switch";
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
