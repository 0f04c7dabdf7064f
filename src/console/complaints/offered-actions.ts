import type { SATISFACTION_LEVELS, StaffComplaintView } from "../../complaints";

/** A move on a ticket, by its admin-API path. */
export type ComplaintAction =
  | "dispatch" | "merge" | "sign" | "return" | "progress" | "extension" | "extension/decision" | "reply"
  | "visit" | "rating" | "close" | "reopen" | "rectification/recheck" | "appeal" | "appeal/decision";

// 差评 (the complaints capability's rule; its isNegative is not on its public surface): typed
// against its scale, so a renamed level fails to compile here.
const NEGATIVE: readonly (typeof SATISFACTION_LEVELS)[number][] = ["不满意", "非常不满意"];
const isNegative = (s: string | null): boolean => s !== null && (NEGATIVE as readonly string[]).includes(s);

/**
 * The moves a ticket's state allows now (the workflow's operations check again when one is
 * made), from the statuses it may move to next and its rating, rectification and appeal.
 */
export function offeredActions(c: Pick<StaffComplaintView, "status" | "satisfaction" | "rectification" | "appeal">, next: readonly string[]): ComplaintAction[] {
  const out: ComplaintAction[] = [];
  const can = (s: string) => next.includes(s);
  if (can("dispatched") && c.status !== "reopened") out.push("dispatch");
  if (can("merged")) out.push("merge");
  if (can("signed")) out.push("sign");
  if (can("returned")) out.push("return");
  if (can("in_progress") && c.status !== "extension_requested") out.push("progress");
  if (c.status === "in_progress") out.push("progress");
  if (can("extension_requested")) out.push("extension");
  if (c.status === "extension_requested") out.push("extension/decision");
  if (can("replied") && !["accepted", "returned"].includes(c.status)) out.push("reply");
  if (can("visited")) out.push("visit");
  if (can("rated")) out.push("rating");
  if (can("closed")) out.push("close");
  if (can("reopened")) out.push("reopen");
  if (c.rectification === "open") out.push("rectification/recheck");
  if (isNegative(c.satisfaction) && c.appeal === "none") out.push("appeal");
  if (c.appeal === "pending") out.push("appeal/decision");
  return [...new Set(out)];
}
