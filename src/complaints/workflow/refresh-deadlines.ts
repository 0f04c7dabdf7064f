import type { WorkCalendar } from "../../calendar";
import { Prisma } from "../../platform/db";
import { COMPLAINT_TERMINAL_STATUSES } from "../complaint-status";
import { complaintDeadlines, rectificationDueAt } from "../deadlines";
import type { ComplaintsDeps } from "../deps";
import { dueColumnsOf, policyFor } from "./deadline-fields";

const BATCH = 500;
const COLUMNS = {
  id: true, kind: true, urgent: true, dispatchedAt: true, extensionWorkdays: true, rectification: true, updatedAt: true,
  signDueAt: true, returnDueAt: true, replyDueAt: true, reminderAt: true, supervisionAt: true, escalationAt: true, rectificationDueAt: true,
} as const;
type Row = Prisma.ComplaintGetPayload<{ select: typeof COLUMNS }>;
const DUE_COLUMNS = ["signDueAt", "returnDueAt", "replyDueAt", "reminderAt", "supervisionAt", "escalationAt", "rectificationDueAt"] as const;
type DueColumns = Pick<Row, (typeof DUE_COLUMNS)[number]>;
type Moved = { id: string; updatedAt: Date; due: DueColumns };

/**
 * After the calendar changed (a holiday year added or corrected, see addHolidayYear), the
 * stored due dates of every open ticket (not 已办结/已合并) are recomputed with the new
 * calendar from the instants their clocks started:
 * - the work-order deadlines from `dispatchedAt` (派单 or 重办 — deadlineFields stores the
 *   start with each set) plus the approved `extensionWorkdays`; urgent tickets run in natural
 *   hours and are not touched;
 * - an open 整改's due date from its latest "open" rectification event (`ratedAt` is not the
 *   start: a later positive rating overwrites it and leaves the rectification open).
 * Per batch of 500: one query for the rows, one for the rectification events (only if one is
 * open), one UPDATE for the rows whose due dates moved, guarded by the updatedAt read (as
 * transitionComplaint is) — a row another request changed meanwhile is not overwritten but
 * read again, at most ROUNDS times (two more queries each, only for such rows).
 *
 * The deadline set stays the same (deadlineVersion and supervisionStage are kept): it is the
 * same clock, corrected. Stages not yet fired fire at the corrected instants — a deadline
 * moved later is simply no longer overdue, one moved earlier may be 督办 on the next scan.
 * A reminder or 督办 already fired stays fired and recorded: it was issued on the calendar in
 * force then, and the department has been told. Uses the policy in force now.
 */
export async function refreshComplaintDeadlines(deps: ComplaintsDeps): Promise<{ checked: number; moved: number }> {
  const prisma = deps.app.db.prisma;
  const calendar = await deps.calendar.get();
  let checked = 0;
  let moved = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch: Row[] = await prisma.complaint.findMany({
      // Keyset paging: a row closed meanwhile cannot break the cursor.
      where: { ...OPEN_WITH_DUE_DATES, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: COLUMNS,
      orderBy: { id: "asc" },
      take: BATCH,
    });
    moved += await refreshBatch(deps, calendar, batch);
    checked += batch.length;
    if (batch.length < BATCH) break;
    cursor = batch[batch.length - 1]!.id;
  }
  if (moved) deps.app.logger.info({ checked, moved }, "complaint deadlines recomputed for the new holiday calendar");
  return { checked, moved };
}

const OPEN_WITH_DUE_DATES = {
  status: { notIn: [...COMPLAINT_TERMINAL_STATUSES] },
  OR: [{ urgent: false, dispatchedAt: { not: null } }, { rectification: "open" }],
} satisfies Prisma.ComplaintWhereInput;
/** Re-reads of rows another request changed between our read and our write, per batch. */
const ROUNDS = 3;

/**
 * Writes the batch's moved rows. A row changed meanwhile is not overwritten: it is read again
 * and recomputed from what that request left (which may have moved it to 已办结, or computed
 * the same deadlines itself), so a concurrent change that moves no deadline (e.g. 公开 marked)
 * does not leave it on the old calendar.
 */
async function refreshBatch(deps: ComplaintsDeps, calendar: WorkCalendar, batch: Row[]): Promise<number> {
  const prisma = deps.app.db.prisma;
  let rows = batch;
  let moved = 0;
  for (let round = 1; rows.length > 0; round++) {
    const openedAt = await rectificationStarts(prisma, rows.filter((c) => c.rectification === "open").map((c) => c.id));
    const changed = rows.flatMap((c) => {
      const due = recompute(deps, calendar, c, openedAt.get(c.id));
      return due && !sameDue(c, due) ? [{ id: c.id, updatedAt: c.updatedAt, due }] : [];
    });
    const written = await writeDue(prisma, changed, deps.app.now());
    moved += written.size;
    const lost = changed.filter((r) => !written.has(r.id)).map((r) => r.id);
    if (lost.length === 0) break;
    if (round === ROUNDS) {
      deps.app.logger.warn({ complaintIds: lost }, "complaint deadlines not recomputed: the tickets kept changing meanwhile");
      break;
    }
    rows = await prisma.complaint.findMany({ where: { id: { in: lost }, ...OPEN_WITH_DUE_DATES }, select: COLUMNS });
  }
  return moved;
}

type Db = ComplaintsDeps["app"]["db"]["prisma"];

/** The instant each open rectification started: its latest "open" event (rate-complaint.ts records one per 差评). */
async function rectificationStarts(prisma: Db, ids: string[]): Promise<Map<string, Date>> {
  const starts = new Map<string, Date>();
  if (ids.length === 0) return starts;
  const events = await prisma.complaintEvent.findMany({
    where: { complaintId: { in: ids }, type: "rectification" },
    select: { complaintId: true, at: true, data: true },
    orderBy: { seq: "asc" },
  });
  for (const e of events) if ((e.data as { state?: string } | null)?.state === "open") starts.set(e.complaintId, e.at);
  return starts;
}

/** The due dates on `calendar`; undefined when they cannot be computed (the row is then left as it is, and logged). */
function recompute(deps: ComplaintsDeps, calendar: WorkCalendar, c: Row, rectificationOpenedAt: Date | undefined): DueColumns | undefined {
  try {
    const policy = policyFor(deps, c);
    const d = !c.urgent && c.dispatchedAt
      ? complaintDeadlines({ dispatchedAt: c.dispatchedAt, urgent: false, extensionWorkdays: c.extensionWorkdays }, policy, calendar)
      : c;
    return {
      ...dueColumnsOf(d),
      rectificationDueAt: rectificationOpenedAt ? rectificationDueAt(rectificationOpenedAt, policy, calendar) : c.rectificationDueAt,
    };
  } catch (err) {
    deps.app.logger.warn({ err, complaintId: c.id }, "complaint deadlines not recomputed");
    return undefined;
  }
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameDue = (a: DueColumns, b: DueColumns) => DUE_COLUMNS.every((k) => sameTime(a[k], b[k]));

/** One UPDATE … FROM (VALUES …) for the moved rows, each only if its updatedAt is still the one read; the ids written. */
async function writeDue(prisma: Db, rows: Moved[], now: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const values = rows.map(
    ({ id, updatedAt, due: d }) =>
      Prisma.sql`(${id}::uuid, ${updatedAt}::timestamptz, ${d.signDueAt}::timestamptz, ${d.returnDueAt}::timestamptz, ${d.replyDueAt}::timestamptz,
        ${d.reminderAt}::timestamptz, ${d.supervisionAt}::timestamptz, ${d.escalationAt}::timestamptz, ${d.rectificationDueAt}::timestamptz)`,
  );
  const written = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE complaint AS c SET
      sign_due_at = v.sign_due_at, return_due_at = v.return_due_at, reply_due_at = v.reply_due_at, reminder_at = v.reminder_at,
      supervision_at = v.supervision_at, escalation_at = v.escalation_at, rectification_due_at = v.rectification_due_at,
      updated_at = ${now}::timestamptz
    FROM (VALUES ${Prisma.join(values)})
      AS v (id, updated_at, sign_due_at, return_due_at, reply_due_at, reminder_at, supervision_at, escalation_at, rectification_due_at)
    WHERE c.id = v.id AND c.updated_at = v.updated_at
    RETURNING c.id::text AS id`;
  return new Set(written.map((r) => r.id));
}
