import { z } from "zod";
import { addHours, shanghaiDayOf, startOfShanghaiDay, type WorkCalendar } from "../calendar";
import { isAppError } from "../platform/errors";
import { complaintErrors } from "./errors";
import { text } from "./texts";

/**
 * 12345 work-order deadlines. Every limit runs from the dispatch (派单) to the department, not
 * from signing: a department must not gain time by signing late, and the citizen waits from
 * the moment the hotline passed the ticket on. A re-dispatch after 退回 starts a new clock for
 * the new department. Working-day limits count from the day after dispatch and end at
 * 23:59:59.999 Shanghai (see src/calendar). Urgent tickets run in natural hours, holidays
 * included. Provinces and ticket types override the defaults (国办发〔2020〕53号 leaves the
 * numbers to local rules).
 */
const positiveInt = z.number().int().min(1);
export const complaintPolicySchema = z.object({
  signWithinWorkdays: positiveInt.default(1),
  returnWithinWorkdays: positiveInt.default(2),
  replyWithinWorkdays: positiveInt.default(5),
  maxExtensionWorkdays: positiveInt.default(10),
  urgentSignWithinHours: positiveInt.default(2),
  urgentReplyWithinHours: positiveInt.default(24),
  /** Remind when this share of the time is used … */
  reminderFraction: z.number().gt(0).lt(1).default(0.8),
  /** … or this many working days before the due day, whichever is earlier. */
  reminderWorkdaysBefore: z.number().int().min(0).default(1),
  /** Reminders go out at this Shanghai hour so that someone is at their desk. */
  reminderHour: z.number().int().min(0).max(23).default(9),
  /** Level-2 督办 (to the department head) when still unanswered this long after the due day. */
  escalateAfterWorkdays: positiveInt.default(2),
  urgentEscalateAfterHours: positiveInt.default(12),
});
export type ComplaintDeadlinePolicy = z.infer<typeof complaintPolicySchema>;
export const DEFAULT_COMPLAINT_POLICY: ComplaintDeadlinePolicy = complaintPolicySchema.parse({});
/** Some keys of a policy, each checked as above, no unknown key (a policy file's entries). */
export const policyPatchSchema = z
  .object(Object.fromEntries(Object.entries(complaintPolicySchema.shape).map(([k, v]) => [k, v.unwrap().optional()])))
  .strict() as unknown as z.ZodType<Partial<ComplaintDeadlinePolicy>>;

export interface PolicyOverride {
  province?: string;
  type?: string;
  policy: Partial<ComplaintDeadlinePolicy>;
}

/** Effective policy: defaults < province < type < province+type (the more specific wins). */
export function resolvePolicy(overrides: readonly PolicyOverride[], ticket: { province?: string; type?: string }): ComplaintDeadlinePolicy {
  const rank = (o: PolicyOverride) => (o.province ? 1 : 0) + (o.type ? 2 : 0);
  const applicable = overrides
    .filter((o) => (!o.province || o.province === ticket.province) && (!o.type || o.type === ticket.type))
    .sort((a, b) => rank(a) - rank(b));
  const merged = Object.assign({}, DEFAULT_COMPLAINT_POLICY, ...applicable.map((o) => o.policy));
  const result = complaintPolicySchema.safeParse(merged);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join(".")).join(text("labels.list_separator"));
    throw complaintErrors("policy_invalid", { fields }, { issues: result.error.issues });
  }
  return result.data;
}

export interface DispatchedTicket {
  dispatchedAt: Date;
  urgent: boolean;
  /** Approved extension in working days (0 or absent: none). */
  extensionWorkdays?: number;
}

export interface ComplaintDeadlines {
  signDueAt: Date;
  returnDueAt: Date;
  replyDueAt: Date;
  reminderAt: Date;
  /** First instant of level-1 督办: the reply is overdue. */
  supervisionAt: Date;
  /**
   * First instant of level-2 escalation to the department head. null (pending) when it falls in
   * a year whose holidays nobody confirmed while the reply deadline does not: the ticket can be
   * dispatched and answered on time meanwhile, and adding the year recomputes the open tickets'
   * deadlines (refresh-deadlines.ts), which fills it in. Until then no escalation fires — never
   * one on a guessed day.
   */
  escalationAt: Date | null;
}

const afterMs = (d: Date) => new Date(d.getTime() + 1);

export function complaintDeadlines(ticket: DispatchedTicket, policy: ComplaintDeadlinePolicy, calendar: WorkCalendar): ComplaintDeadlines {
  return ticket.urgent ? urgentDeadlines(ticket, policy) : workdayDeadlines(ticket, policy, calendar);
}

function urgentDeadlines(ticket: DispatchedTicket, policy: ComplaintDeadlinePolicy): ComplaintDeadlines {
  if (ticket.extensionWorkdays) throw complaintErrors("urgent_no_extension", {}, { urgent: true });
  const start = ticket.dispatchedAt;
  const replyDueAt = addHours(start, policy.urgentReplyWithinHours);
  const signDueAt = addHours(start, policy.urgentSignWithinHours);
  return {
    signDueAt,
    returnDueAt: signDueAt, // an urgent ticket must be bounced as fast as it is signed
    replyDueAt,
    reminderAt: addHours(start, policy.urgentReplyWithinHours * policy.reminderFraction),
    supervisionAt: afterMs(replyDueAt),
    escalationAt: afterMs(addHours(replyDueAt, policy.urgentEscalateAfterHours)),
  };
}

function workdayDeadlines(ticket: DispatchedTicket, policy: ComplaintDeadlinePolicy, calendar: WorkCalendar): ComplaintDeadlines {
  const extension = ticket.extensionWorkdays ?? 0;
  assertExtensionWithinPolicy(extension, policy);
  const day = shanghaiDayOf(ticket.dispatchedAt);
  const dueOfDay = (n: number) => calendar.endOfDay(calendar.addWorkdays(day, n));
  const replyWorkdays = policy.replyWithinWorkdays + extension;
  const replyDueDay = calendar.addWorkdays(day, replyWorkdays);
  const replyDueAt = calendar.endOfDay(replyDueDay);
  return {
    signDueAt: dueOfDay(policy.signWithinWorkdays),
    returnDueAt: dueOfDay(policy.returnWithinWorkdays),
    replyDueAt,
    reminderAt: workdayReminder(day, replyWorkdays, policy, calendar),
    supervisionAt: afterMs(replyDueAt),
    escalationAt: unlessUnconfirmed(() => afterMs(calendar.endOfDay(calendar.addWorkdays(replyDueDay, policy.escalateAfterWorkdays)))),
  };
}

/** `compute()`, or null when it needs a year whose holidays are not confirmed (the calendar's "unprocessable"). */
function unlessUnconfirmed(compute: () => Date): Date | null {
  try {
    return compute();
  } catch (err) {
    if (isAppError(err) && err.code === "unprocessable") return null;
    throw err;
  }
}

/**
 * Working days of the limit are numbered 1..n (n = the due day). The reminder goes out at
 * reminderHour on day min(n − reminderWorkdaysBefore, ⌈fraction·n⌉ + 1), never before day 1:
 * for 5 days that is day 4 (one full day plus the due day left), for 15 days day 13.
 */
function workdayReminder(day: string, n: number, policy: ComplaintDeadlinePolicy, calendar: WorkCalendar): Date {
  const byFraction = Math.ceil(policy.reminderFraction * n) + 1;
  const index = Math.max(1, Math.min(n - policy.reminderWorkdaysBefore, byFraction));
  const reminderDay = calendar.addWorkdays(day, index);
  return new Date(startOfShanghaiDay(reminderDay).getTime() + policy.reminderHour * 3_600_000);
}

/**
 * 整改 after a 差评: the reply limit again, in working days from the day of the rating
 * (the instant of the rectification's "open" event), ending at the end of that working day.
 */
export function rectificationDueAt(openedAt: Date, policy: ComplaintDeadlinePolicy, calendar: WorkCalendar): Date {
  return calendar.endOfDay(calendar.addWorkdays(shanghaiDayOf(openedAt), policy.replyWithinWorkdays));
}

function assertExtensionWithinPolicy(workdays: number, policy: ComplaintDeadlinePolicy): void {
  if (!Number.isInteger(workdays) || workdays < 0) {
    throw complaintErrors("extension_days_invalid", { workdays }, { workdays });
  }
  if (workdays > policy.maxExtensionWorkdays) {
    throw complaintErrors("extension_too_long", { max: policy.maxExtensionWorkdays, workdays }, { workdays, max: policy.maxExtensionWorkdays });
  }
}

/** Checks an extension request: a positive whole number of working days, within the cap, not urgent, only once. */
export function assertExtensionRequest(
  request: { workdays: number; urgent: boolean; extensionsApproved: number },
  policy: ComplaintDeadlinePolicy,
): void {
  if (request.urgent) throw complaintErrors("urgent_no_extension", {}, { urgent: true });
  if (request.extensionsApproved > 0) throw complaintErrors("extension_already_used");
  if (request.workdays === 0) throw complaintErrors("extension_days_invalid", { workdays: 0 }, { workdays: 0 });
  assertExtensionWithinPolicy(request.workdays, policy);
}

export interface TicketProgress {
  signedAt?: Date | undefined;
  repliedAt?: Date | undefined;
}

export interface OverdueState {
  signOverdue: boolean;
  replyOverdue: boolean;
  /** The department may still return the ticket as not theirs. */
  canStillReturn: boolean;
  /** 0 none, 1 督办 (reply overdue), 2 escalated to the department head. */
  supervisionLevel: 0 | 1 | 2;
}

/** Where a ticket stands at `now`; a signature or reply stops its clock at that instant. */
export function overdueState(deadlines: ComplaintDeadlines, progress: TicketProgress, now: Date): OverdueState {
  const signCheck = progress.signedAt && progress.signedAt < now ? progress.signedAt : now;
  const replyCheck = progress.repliedAt && progress.repliedAt < now ? progress.repliedAt : now;
  const level = deadlines.escalationAt && replyCheck >= deadlines.escalationAt ? 2 : replyCheck >= deadlines.supervisionAt ? 1 : 0;
  return {
    signOverdue: signCheck > deadlines.signDueAt,
    replyOverdue: replyCheck > deadlines.replyDueAt,
    canStillReturn: !progress.repliedAt && now <= deadlines.returnDueAt,
    supervisionLevel: level,
  };
}
