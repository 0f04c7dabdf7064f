import { COMPLAINT_STATUS_LABELS, transitionRefusal, type ComplaintStatus } from "../complaint-status";

export type CallbackStatus = "progress" | "replied" | "closed";

/**
 * What a 12345 status callback does to a ticket in a given status. Pure, so the rules can be
 * read and tested without a database:
 * - `apply`: the moves to make, in order, each the same move staff make (and recorded so);
 * - `note`: a progress report on a ticket already being handled or past that — a timeline note;
 * - `ignore`: the move does not fit the ticket now (stale, out of order, already done). The
 *   platform still gets a 2xx: a webhook answered 4xx is redelivered, and this one never fits.
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

const TARGET: Record<Exclude<CallbackStatus, "progress">, ComplaintStatus> = { replied: "replied", closed: "closed" };

export function planCallback(from: ComplaintStatus, status: CallbackStatus): CallbackPlan {
  if (status === "progress") {
    const moves = PROGRESS_MOVES[from];
    if (moves) return { outcome: "applied", moves };
    if (HANDLING_OR_LATER.includes(from)) return { outcome: "noted" };
    return { outcome: "ignored", reason: transitionRefusal(from, "in_progress")! };
  }
  const to = TARGET[status];
  if (from === to) return { outcome: "ignored", reason: `工单已是“${COMPLAINT_STATUS_LABELS[to]}”` };
  const refusal = transitionRefusal(from, to);
  return refusal ? { outcome: "ignored", reason: refusal } : { outcome: "applied", moves: [to] };
}
