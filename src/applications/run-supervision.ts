import type { AppContext } from "../platform/context";
import type { ApplicationModel } from "../platform/db";
import { clockNow, columnsOfClock, limitOf, WARN_FRACTION } from "./clock-columns";
import type { ApplicationsDeps } from "./deps";
import { loadTimelines } from "./load-application";
import { applicationsText } from "./texts";

export const SUPERVISE_JOB = "applications.supervise";
export const SUPERVISION_KINDS = ["warning", "overdue"] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
const BATCH = 200;

export interface SupervisionResult {
  checked: number;
  warned: number;
  overdue: number;
}

/**
 * 电子监察: flags running applications that used ≥ 80% of their time (预警) or passed the due
 * date (超期), once each. The candidates come from the cached warn_at/due_at columns; each is
 * then re-checked with the clock computed from its timeline, and its cached columns refreshed.
 *
 * Once each, even with two instances running the job or a retry: the flag is an insert into
 * supervision_alert with a unique (application, kind) key and ON CONFLICT DO NOTHING — only
 * the run whose insert created the row reports it. The handling department is "notified" by
 * that row (staff list and count them per department) and a warn-level log line; a channel
 * to departments (SMS, 政务微信) is out of scope for now.
 */
export async function runSupervision(deps: ApplicationsDeps): Promise<SupervisionResult> {
  const prisma = deps.app.db.prisma;
  const now = deps.app.now();
  const calendar = await deps.calendar.get();
  const result: SupervisionResult = { checked: 0, warned: 0, overdue: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch: ApplicationModel[] = await prisma.application.findMany({
      where: {
        stoppedAt: null,
        paused: false,
        OR: [{ warnedAt: null, warnAt: { lte: now } }, { overdueAt: null, dueAt: { lt: now } }],
      },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    const timelines = await loadTimelines(prisma, batch.map((a) => a.id));
    for (const a of batch) {
      result.checked++;
      const events = timelines.get(a.id) ?? [];
      // One clock per row: it decides the flags, and the cached columns when there is nothing to flag.
      const clock = clockNow(calendar, limitOf(a), events, now);
      if ("problem" in clock || !clock.started || clock.stoppedAt || clock.paused) {
        await prisma.application.update({ where: { id: a.id }, data: columnsOfClock(calendar, limitOf(a), events, clock, now, a) });
        continue;
      }
      if (!a.warnedAt && clock.fractionUsed >= WARN_FRACTION && (await flag(deps.app, a, "warning", clock.dueAt, now))) result.warned++;
      if (!a.overdueAt && clock.overdue && (await flag(deps.app, a, "overdue", clock.dueAt, now))) result.overdue++;
    }
    if (batch.length < BATCH) break;
    cursor = batch[batch.length - 1]!.id;
  }
  if (result.warned || result.overdue) deps.app.logger.info(result, "electronic supervision run");
  return result;
}

async function flag(ctx: AppContext, a: ApplicationModel, kind: SupervisionKind, dueAt: Date, now: Date): Promise<boolean> {
  const prisma = ctx.db.prisma;
  const { count } = await prisma.supervisionAlert.createMany({
    data: [{ applicationId: a.id, kind, department: a.department, dueAt, createdAt: now }],
    skipDuplicates: true,
  });
  // The alert row decides; the column is the cache that takes the application off the candidate list.
  await prisma.application.updateMany({
    where: { id: a.id, ...(kind === "warning" ? { warnedAt: null } : { overdueAt: null }) },
    data: kind === "warning" ? { warnedAt: now } : { overdueAt: now },
  });
  if (count === 1) {
    ctx.logger.warn(
      { number: a.number, department: a.department, kind, dueAt: dueAt.toISOString() },
      applicationsText(`supervision.${kind}`),
    );
  }
  return count === 1;
}
