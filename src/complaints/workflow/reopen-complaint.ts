import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { deadlineFields } from "./deadline-fields";
import { transitionComplaint } from "./transition";

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
