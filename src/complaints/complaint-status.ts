import { complaintErrors } from "./errors";
import { text } from "./texts";

/**
 * The life of a 12345 work order (工单), after 《国务院办公厅关于进一步优化地方政务服务便民热线
 * 的指导意见》(国办发〔2020〕53号): 受理 → 派单 → 签收/退回 → 办理 (延期) → 答复 → 回访 → 评价
 * → 办结, with 重办 when the citizen says the problem is not solved. Pure: table + assertTransition.
 */
export const COMPLAINT_STATUSES = [
  "accepted",
  "dispatched",
  "signed",
  "returned",
  "in_progress",
  "extension_requested",
  "extension_approved",
  "replied",
  "visited",
  "rated",
  "closed",
  "reopened",
  "merged",
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What staff and citizens read for each status (templates/complaints, `labels.status`). */
export const COMPLAINT_STATUS_LABELS = Object.fromEntries(
  COMPLAINT_STATUSES.map((s) => [s, text(`labels.status.${s}`)]),
) as Record<ComplaintStatus, string>;

const TRANSITIONS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  // The hotline answers simple requests itself (直接答复) and merges duplicates before dispatch.
  accepted: ["dispatched", "replied", "merged"],
  // A department signs, or returns a ticket that is not theirs (within the return window).
  dispatched: ["signed", "returned", "merged"],
  // Signing does not forfeit the return window; deadlines.ts says whether it is still open.
  signed: ["in_progress", "returned"],
  // A returned ticket is back with the dispatcher: re-dispatch, answer directly, or merge.
  returned: ["dispatched", "replied", "merged"],
  in_progress: ["extension_requested", "replied"],
  // A refused request sends the ticket back to handling under the original deadline.
  extension_requested: ["extension_approved", "in_progress"],
  extension_approved: ["replied"],
  // The citizen may rate directly in the mini-program; an unreachable citizen still gets closed.
  replied: ["visited", "rated", "closed", "reopened"],
  visited: ["rated", "reopened", "closed"],
  rated: ["closed", "reopened"],
  // 重办 goes back to the same department, or to the dispatcher for another one.
  reopened: ["in_progress", "dispatched"],
  closed: [],
  merged: [],
};

export const COMPLAINT_TERMINAL_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter(
  (s) => TRANSITIONS[s].length === 0,
);

export const canTransition = (from: ComplaintStatus, to: ComplaintStatus): boolean => TRANSITIONS[from].includes(to);
export const allowedTransitions = (from: ComplaintStatus): readonly ComplaintStatus[] => TRANSITIONS[from];
export const isTerminal = (status: ComplaintStatus): boolean => TRANSITIONS[status].length === 0;

/** A status as quoted in a sentence: “已办结”. */
export const quotedStatus = (s: ComplaintStatus) => text("labels.quoted_status", { status: COMPLAINT_STATUS_LABELS[s] });

/** The words of a refused move (errors.transition_refused): the two statuses and why. */
function refusalVars(from: ComplaintStatus, to: ComplaintStatus) {
  const why = isTerminal(from)
    ? text("labels.terminal", { status: quotedStatus(from) })
    : text("labels.allowed_moves", { allowed: TRANSITIONS[from].map(quotedStatus).join(text("labels.list_separator")) });
  return { from: quotedStatus(from), to: quotedStatus(to), why };
}

/** Why a move is refused, in words staff read; null when the table allows it. */
export function transitionRefusal(from: ComplaintStatus, to: ComplaintStatus): string | null {
  return canTransition(from, to) ? null : text("errors.transition_refused", refusalVars(from, to));
}

export function assertTransition(from: ComplaintStatus, to: ComplaintStatus): void {
  if (!canTransition(from, to)) throw complaintErrors("transition_refused", refusalVars(from, to), { from, to });
}

/** What a move to each status must record (checked by the operation that stores it). */
const REQUIRED_FIELDS: Partial<Record<ComplaintStatus, readonly string[]>> = {
  dispatched: ["departmentId"],
  returned: ["reason"],
  extension_requested: ["workdays", "reason"],
  replied: ["replyText"],
  rated: ["satisfaction"],
  reopened: ["reason"],
  merged: ["intoTicketId"],
};

export const requiredFields = (to: ComplaintStatus): readonly string[] => REQUIRED_FIELDS[to] ?? [];

/**
 * Moves that need the ticket's history, not just its current status. One extension per
 * ticket (a 重办 does not earn a second one): a refused request may be asked again, an
 * approved one may not.
 */
export function assertCanRequestExtension(history: readonly ComplaintStatus[]): void {
  if (history.includes("extension_approved")) {
    throw complaintErrors("extension_already_used", {}, { reason: "extension_already_approved" });
  }
}
