import type { WorkCalendar } from "../../calendar";
import { complaintDeadlines, resolvePolicy, type ComplaintDeadlinePolicy, type ComplaintDeadlines } from "../deadlines";
import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";

export const policyFor = (deps: ComplaintsDeps, c: Pick<Complaint, "kind">): ComplaintDeadlinePolicy =>
  resolvePolicy(deps.policies, { province: deps.app.config.PROVINCE_REGION, type: c.kind });

type DueKey = keyof ComplaintDeadlines;

/** The six work-order deadline columns of a deadline set (or of a row that holds one). */
export const dueColumnsOf = <D extends Record<DueKey, unknown>>(d: D): Pick<D, DueKey> => ({
  signDueAt: d.signDueAt,
  returnDueAt: d.returnDueAt,
  replyDueAt: d.replyDueAt,
  reminderAt: d.reminderAt,
  supervisionAt: d.supervisionAt,
  escalationAt: d.escalationAt,
});

/**
 * The deadline columns of a ticket dispatched at `dispatchedAt` (with an approved extension),
 * computed from deadlines.ts and the holiday calendar (`await deps.calendar.get()` before the
 * transaction; a year nobody has confirmed throws). A new set bumps deadlineVersion and
 * resets the supervision stage, so reminders and 督办 fire once per set.
 */
export function deadlineFields(
  deps: ComplaintsDeps,
  calendar: WorkCalendar,
  c: Pick<Complaint, "kind" | "urgent" | "deadlineVersion">,
  dispatchedAt: Date,
  extensionWorkdays = 0,
) {
  const d = complaintDeadlines({ dispatchedAt, urgent: c.urgent, extensionWorkdays }, policyFor(deps, c), calendar);
  return {
    dispatchedAt,
    extensionWorkdays,
    ...dueColumnsOf(d),
    deadlineVersion: c.deadlineVersion + 1,
    supervisionStage: 0,
  };
}
