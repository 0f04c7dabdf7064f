import { quotedStatus, transitionRefusal, type ComplaintStatus } from "../complaint-status";
import { text } from "../texts";

export type CallbackStatus = "progress" | "replied" | "closed";

/**
 * What a 12345 status callback does to a ticket in a given status. Pure, so the rules can be
 * read and tested without a database:
 * - `apply`: the moves to make, in order, each the same move staff make (and recorded so);
 * - `note`: a progress report on a ticket already being handled or past that — a timeline note;
 * - `ignore`: the callback is stale or already done (a second reply, a close of a closed
 *   ticket), or cannot be applied at all. The platform still gets a 2xx: a webhook answered
 *   4xx is redelivered, and this one never fits.
 *
 * The platform's events arrive out of order and not all of them arrive (a department may
 * answer without ever reporting progress), so a reply or close on a ticket that has not got
 * that far yet makes the moves in between — 签收 → 办理中 → 答复 (→ 办结) — rather than
 * dropping the answer the citizen is waiting for.
 */
export type CallbackPlan =
  | { outcome: "applied"; moves: ComplaintStatus[] }
  | { outcome: "noted" }
  | { outcome: "ignored"; reason: string };

/** 办理中 or later in the loop: a progress callback adds to the timeline only. */
const HANDLING_OR_LATER: readonly ComplaintStatus[] = ["in_progress", "extension_requested", "extension_approved", "replied", "visited", "rated", "closed"];

/** The 12345 department reporting progress has taken the ticket: 签收 (if not yet) → 办理中. */
const PROGRESS_MOVES: Partial<Record<ComplaintStatus, ComplaintStatus[]>> = {
  dispatched: ["signed", "in_progress"],
  signed: ["in_progress"],
  // 重办 back to the department: handling starts again, as the staff's 办理中 does.
  reopened: ["in_progress"],
};

/** The moves that bring a ticket not yet answered to 已答复. */
const REPLY_MOVES: Partial<Record<ComplaintStatus, ComplaintStatus[]>> = {
  // The hotline answers a ticket it still holds directly (直接答复), as staff may.
  accepted: ["replied"],
  returned: ["replied"],
  dispatched: ["signed", "in_progress", "replied"],
  signed: ["in_progress", "replied"],
  reopened: ["in_progress", "replied"],
  in_progress: ["replied"],
  // The answer makes a pending extension request moot: back to handling, then answered.
  extension_requested: ["in_progress", "replied"],
  extension_approved: ["replied"],
};

/** Answered already: a second reply is stale, a close applies. */
const ANSWERED: readonly ComplaintStatus[] = ["replied", "visited", "rated"];

export function planCallback(from: ComplaintStatus, status: CallbackStatus, o: { hasReply?: boolean } = {}): CallbackPlan {
  if (status === "progress") {
    const moves = PROGRESS_MOVES[from];
    if (moves) return { outcome: "applied", moves };
    if (HANDLING_OR_LATER.includes(from)) return { outcome: "noted" };
    return { outcome: "ignored", reason: transitionRefusal(from, "in_progress")! };
  }
  const toReply = REPLY_MOVES[from];
  if (status === "replied") {
    if (toReply) return { outcome: "applied", moves: toReply };
    if (from === "replied") return { outcome: "ignored", reason: text("callback.already_status", { status: quotedStatus("replied") }) };
    if (ANSWERED.includes(from) || from === "closed") return { outcome: "ignored", reason: text("callback.already_replied", { status: quotedStatus(from) }) };
    return { outcome: "ignored", reason: transitionRefusal(from, "replied")! };
  }
  // closed
  if (ANSWERED.includes(from)) return { outcome: "applied", moves: ["closed"] };
  if (from === "closed") return { outcome: "ignored", reason: text("callback.already_status", { status: quotedStatus("closed") }) };
  if (toReply) {
    // 办结 needs an answer first; one the callback carries is applied on the way. Without one
    // there is nothing to tell the citizen, and the reply callback (if it comes) applies.
    if (o.hasReply) return { outcome: "applied", moves: [...toReply, "closed"] };
    return { outcome: "ignored", reason: text("callback.close_without_reply", { status: quotedStatus(from), closed: quotedStatus("closed") }) };
  }
  return { outcome: "ignored", reason: transitionRefusal(from, "closed")! };
}
