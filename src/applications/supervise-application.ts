import type { AppContext } from "../platform/context";
import type { ApplicationEventModel, ApplicationModel } from "../platform/db";
import type { WorkCalendar } from "../calendar";
import type { ApplicationClock } from "./application-clock";
import { clockNow, columnsOfClock, limitOf, WARN_FRACTION } from "./clock-columns";
import { applicationsText } from "./texts";

export const SUPERVISION_KINDS = ["warning", "overdue"] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

/** The flags one check raised (true only for the run whose insert created the alert). */
export interface SupervisionFlags {
  warned: boolean;
  overdue: boolean;
}

/**
 * 电子监察 for one application: flags it 预警 (≥ 80% of its time used) or 超期 once each, by the
 * clock computed from its timeline; a row with nothing to flag gets its cached clock columns
 * refreshed. Used by the scheduled run and on demand, when an applicant is about to be told
 * "已纳入电子监察": the alert staff see must exist by then, not at the next scheduled run.
 * Returns the flags raised and the row as it is now.
 */
export async function superviseApplication(
  ctx: AppContext,
  calendar: WorkCalendar,
  a: ApplicationModel,
  events: readonly ApplicationEventModel[],
  now: Date,
  clock: ClockNow = clockNow(calendar, limitOf(a), events, now),
): Promise<SupervisionFlags & { application: ApplicationModel }> {
  const prisma = ctx.db.prisma;
  const due = flagsDue(a, clock);
  if (!due) {
    const application = await prisma.application.update({ where: { id: a.id }, data: columnsOfClock(calendar, limitOf(a), events, clock, now, a) });
    return { warned: false, overdue: false, application };
  }
  const { dueAt } = clock as Extract<ApplicationClock, { started: true }>;
  const warned = due.warned && (await flag(ctx, a, "warning", dueAt, now));
  const overdue = due.overdue && (await flag(ctx, a, "overdue", dueAt, now));
  const application = due.warned || due.overdue ? await prisma.application.findUniqueOrThrow({ where: { id: a.id } }) : a;
  return { warned, overdue, application };
}

type ClockNow = ReturnType<typeof clockNow>;

/**
 * The flags a running clock calls for that the row does not hold yet; undefined when the
 * clock does not run (not accepted, paused, stopped, or not computable): nothing to supervise.
 */
export function flagsDue(a: Pick<ApplicationModel, "warnedAt" | "overdueAt">, clock: ClockNow): SupervisionFlags | undefined {
  if ("problem" in clock || !clock.started || clock.stoppedAt || clock.paused) return undefined;
  return { warned: !a.warnedAt && clock.fractionUsed >= WARN_FRACTION, overdue: !a.overdueAt && clock.overdue };
}

/**
 * Once each, even with two instances running the job or a retry: the flag is an insert into
 * supervision_alert with a unique (application, kind) key and ON CONFLICT DO NOTHING — only
 * the run whose insert created the row reports it.
 */
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
