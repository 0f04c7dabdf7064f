import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { deadlineFields } from "./deadline-fields";
import { transitionComplaint, type TransitionOptions } from "./transition";

/** 回访: the hotline calls the citizen back after the reply; the note records what they said. */
export async function visitComplaint(deps: ComplaintsDeps, o: { ref: string; note: string; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, { ref: o.ref, to: "visited", actor: o.actor, note: o.note });
}

/** The 办结 move, for staff and for the 12345 platform's callback alike. */
export const closeMove = (o: { ref: string; note?: string | undefined; actor: string; at: Date }): TransitionOptions => ({
  ref: o.ref,
  to: "closed",
  actor: o.actor,
  note: o.note,
  patch: () => ({ closedAt: o.at, dispatcherQueue: false }),
});

/** 办结. */
export async function closeComplaint(deps: ComplaintsDeps, o: { ref: string; note?: string | undefined; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, closeMove({ ...o, at: deps.app.now() }));
}

/**
 * 重办: the citizen says it is not solved; back to the department (or the dispatcher) with the reason.
 * The clock restarts now: a fresh deadline set (new deadlineVersion, supervision stage 0), so
 * the scan does not 督办 a ticket that was answered on time under its old deadlines.
 */
export async function reopenComplaint(deps: ComplaintsDeps, o: { ref: string; reason: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  const calendar = await deps.calendar.get();
  return transitionComplaint(deps, {
    ref: o.ref,
    to: "reopened",
    actor: o.actor,
    note: o.reason,
    patch: (c) => ({ repliedAt: null, closedAt: null, ...deadlineFields(deps, calendar, c, now) }),
  });
}
