import type { Decision } from "./decision";
import type { Session } from "./session";

/** "2", "第2个", "2号" after a numbered list picks that item. */
export function pick(text: string, session: Session): Decision | undefined {
  if (!session.candidates?.length) return undefined;
  const m = /^(?:第)?\s*([1-9])\s*(?:个|号|项)?\s*[。.！!]?$/.exec(text.trim());
  if (!m) return undefined;
  const c = session.candidates[Number(m[1]) - 1];
  if (!c) return undefined;
  return { kind: "answer", code: c.code, aspect: session.pendingAspect ?? "overview", followUp: false };
}

/**
 * "您想问的是哪一项？ 1. X" offers no choice: a list left with one item is a guess, said as one —
 * not found, did you mean X (the citizen still picks it with "1").
 */
export const oneChoiceIsASuggestion = (d: Decision): Decision =>
  d.kind === "choose" && d.candidates.length === 1 ? { kind: "not_found", aspect: d.aspect, suggestions: d.candidates, bestCode: d.candidates[0]!.code } : d;
