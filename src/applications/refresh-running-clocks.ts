import { Prisma } from "../platform/db";
import { clockColumns, limitOf, type ClockColumns } from "./clock-columns";
import type { ApplicationsDeps } from "./deps";
import { loadTimelines } from "./load-application";

const BATCH = 500;
const COLUMNS = { id: true, version: true, limitValue: true, limitUnit: true, acceptedAt: true, stoppedAt: true, paused: true, warnAt: true, dueAt: true, clockProblem: true } as const;
type Row = Prisma.ApplicationGetPayload<{ select: typeof COLUMNS }>;

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const unchanged = (a: Row, c: ClockColumns) =>
  sameTime(a.acceptedAt, c.acceptedAt) && sameTime(a.stoppedAt, c.stoppedAt) && a.paused === c.paused && sameTime(a.warnAt, c.warnAt) && sameTime(a.dueAt, c.dueAt) && a.clockProblem === c.clockProblem;

/**
 * Recomputes the cached clock columns of every application whose clock runs (accepted, not
 * stopped) or could not be computed — after the calendar changed, e.g. a holiday year was
 * confirmed. Per batch of 500: one query for the rows, one for their timelines, one UPDATE for
 * the rows whose columns moved.
 * A row whose version moved meanwhile is left alone: the event that moved it recomputed them.
 */
export async function refreshRunningClocks(deps: ApplicationsDeps, batchSize = BATCH): Promise<number> {
  const prisma = deps.app.db.prisma;
  const calendar = await deps.calendar.get();
  const now = deps.app.now();
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch: Row[] = await prisma.application.findMany({
      // A clock that could not be computed is recomputed even if its timeline says it stopped.
      // Keyset paging: a row whose clock problem this run clears leaves the filter, and a Prisma cursor on it found nothing after it.
      where: { acceptedAt: { not: null }, OR: [{ stoppedAt: null }, { clockProblem: { not: null } }], ...(cursor ? { id: { gt: cursor } } : {}) },
      select: COLUMNS,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    const timelines = await loadTimelines(prisma, batch.map((a) => a.id));
    const moved = batch.flatMap((a) => {
      const columns = clockColumns(calendar, limitOf(a), timelines.get(a.id) ?? [], now, a);
      return unchanged(a, columns) ? [] : [{ id: a.id, version: a.version, columns }];
    });
    await writeColumns(prisma, moved, now);
    total += batch.length;
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  return total;
}

/** One UPDATE … FROM (VALUES …) for many rows, each with its own values (Prisma has no such update). */
async function writeColumns(prisma: ApplicationsDeps["app"]["db"]["prisma"], rows: { id: string; version: number; columns: ClockColumns }[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    ({ id, version, columns: c }) =>
      Prisma.sql`(${id}::uuid, ${version}::int, ${c.acceptedAt}::timestamptz, ${c.stoppedAt}::timestamptz, ${c.paused}::boolean, ${c.warnAt}::timestamptz, ${c.dueAt}::timestamptz, ${c.clockProblem}::text)`,
  );
  await prisma.$executeRaw`
    UPDATE application AS a SET
      accepted_at = v.accepted_at, stopped_at = v.stopped_at, paused = v.paused, warn_at = v.warn_at,
      due_at = v.due_at, clock_problem = v.clock_problem, updated_at = ${now}::timestamptz
    FROM (VALUES ${Prisma.join(values)}) AS v (id, version, accepted_at, stopped_at, paused, warn_at, due_at, clock_problem)
    WHERE a.id = v.id AND a.version = v.version`;
}
