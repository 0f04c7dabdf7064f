import type { SearchHit } from "../search/search-index";
import { detectAspect, type Aspect } from "./aspects";
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
  | { kind: "answer"; code: string; aspect: Aspect; followUp: boolean }
  | { kind: "choose"; candidates: { code: string; name: string }[]; aspect: Aspect; lowConfidence: boolean }
  | { kind: "not_found"; aspect: Aspect; suggestions: { code: string; name: string }[]; bestCode?: string };

/**
 * From a question (and the conversation so far) to a decision: which item, which aspect.
 * Mutates `session` with what was learnt (region).
 */
export function understand(deps: ChatDeps, text: string, session: Session): Decision {
  const picked = pick(text, session);
  if (picked) return picked;
  const { aspect, rest: afterAspect } = detectAspect(text);
  const region = detectRegion(afterAspect);
  if (region) {
    session.region = region.code;
    session.regionName = region.name;
  }
  const rest = region?.rest ?? afterAspect;
  const found = deps.search.search(rest, { limit: 8, region: session.region });
  const hits = found.hits;
  const top = hits[0];
  const inContext = session.itemCode !== undefined;

  // "要多少钱？" / "在哪办": nothing left that names an item → the item we were talking about.
  if (found.query.concepts.length === 0) {
    return inContext ? followUp(session, aspect) : { kind: "not_found", aspect, suggestions: [] };
  }
  const concepts = found.query.concepts;
  const namesSomething = concepts.some((c) => c.kind === "object" || c.kind === "noun");
  const asksVariant = concepts.some((c) => c.alternatives.some((a) => VARIANTS.some((v) => a.includes(v))));
  if (inContext && !namesSomething && found.unknown.length === 0) {
    // "补办呢" after 身份证换领 → 身份证补领; "多长时间能拿" → still the same item.
    if (asksVariant) {
      const combined = deps.search.search(`${itemObject(session.itemName ?? "")} ${rest}`, { limit: 3, region: session.region }).hits[0];
      if (combined && combined.coverage >= CONFIDENT) return { kind: "answer", code: combined.code, aspect, followUp: combined.code === session.itemCode };
    }
    return followUp(session, aspect);
  }
  if (top && top.coverage >= CONFIDENT) {
    const close = hits.filter((h) => h.coverage >= CONFIDENT && top.score - h.score < CLOSE).slice(0, MAX_CHOICES);
    const current = close.find((h) => h.code === session.itemCode);
    if (current) return { kind: "answer", code: current.code, aspect, followUp: true };
    if (close.length === 1) return { kind: "answer", code: top.code, aspect, followUp: false };
    return { kind: "choose", candidates: close.map(brief), aspect, lowConfidence: false };
  }
  // A follow-up with extra words ("外地能办吗"): the current item, unless a new thing is named.
  if (inContext && found.unknown.length === 0) {
    if (!top || top.coverage < POSSIBLE) return followUp(session, aspect);
    const combined = deps.search.search(`${itemObject(session.itemName ?? "")} ${rest}`, { limit: 3, region: session.region }).hits[0];
    if (combined && combined.coverage >= CONFIDENT) return { kind: "answer", code: combined.code, aspect, followUp: combined.code === session.itemCode };
    return followUp(session, aspect);
  }
  if (top && top.coverage >= POSSIBLE && found.unknown.length === 0) {
    return { kind: "choose", candidates: hits.slice(0, MAX_CHOICES).map(brief), aspect, lowConfidence: true };
  }
  return {
    kind: "not_found",
    aspect,
    suggestions: hits.filter((h) => h.coverage >= 0.3).slice(0, MAX_CHOICES).map(brief),
    bestCode: top?.code,
  };
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

function followUp(session: Session, aspect: Aspect): Decision {
  return { kind: "answer", code: session.itemCode!, aspect, followUp: true };
}

const VARIANTS = ["补领", "补办", "补发", "换领", "换证", "换发", "变更", "注销", "迁移", "挂失", "首次", "临时"];

/** The thing an item is about, without its action: 居民身份证换领（有效期满） → 居民身份证. */
function itemObject(name: string): string {
  let s = name.replace(/[（(][^）)]*[）)]/g, "");
  for (const v of [...VARIANTS, "申领", "申请", "登记", "核发"]) s = s.split(v).join("");
  return s;
}

const brief = (h: SearchHit) => ({ code: h.code, name: h.name });
