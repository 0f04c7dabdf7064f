import type { ApplicationEventModel, ApplicationModel, Prisma, PrismaClient } from "../platform/db";
import type { ApplicationState } from "./presenters";
import { clockNow, limitOf } from "./clock-columns";
import type { ApplicationsDeps } from "./deps";
import { flagsDue, superviseApplication } from "./supervise-application";

type Client = PrismaClient | Prisma.TransactionClient;

/**
 * Timeline order: by event time, then by when they were recorded. Every reader that computes
 * the clock must use this order — events with the same time (补正 and 补正提交 in one second)
 * read in another order would pause a resumed clock.
 */
const TIMELINE_ORDER = [{ at: "asc" }, { recordedAt: "asc" }] satisfies Prisma.ApplicationEventOrderByWithRelationInput[];

/** An application's events in timeline order. */
export function loadTimeline(client: Client, applicationId: string): Promise<ApplicationEventModel[]> {
  return client.applicationEvent.findMany({ where: { applicationId }, orderBy: TIMELINE_ORDER });
}

/** The timelines of many applications in one query (a list page, a batch), each in timeline order. */
export async function loadTimelines(client: Client, applicationIds: readonly string[]): Promise<Map<string, ApplicationEventModel[]>> {
  const byApplication = new Map<string, ApplicationEventModel[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return byApplication;
  const events = await client.applicationEvent.findMany({ where: { applicationId: { in: [...applicationIds] } }, orderBy: TIMELINE_ORDER });
  // The query's order is kept within each application.
  for (const e of events) byApplication.get(e.applicationId)?.push(e);
  return byApplication;
}

/** The row, its timeline and its clock as of now (computed live from the timeline). */
export async function loadApplicationState(deps: ApplicationsDeps, application: ApplicationModel): Promise<ApplicationState> {
  const [state] = await loadApplicationStates(deps, [application]);
  return state!;
}

/**
 * loadApplicationState for a page of rows: one events query however many rows there are.
 * A row whose live clock calls for a 电子监察 flag it does not hold yet (the scheduled run
 * has not come round) is flagged now: what the applicant is shown ("已纳入电子监察") and
 * what staff list must agree at every moment.
 */
export async function loadApplicationStates(deps: ApplicationsDeps, applications: readonly ApplicationModel[]): Promise<ApplicationState[]> {
  const timelines = await loadTimelines(deps.app.db.prisma, applications.map((a) => a.id));
  const calendar = await deps.calendar.get();
  const now = deps.app.now();
  const states: ApplicationState[] = [];
  for (const row of applications) {
    const events = timelines.get(row.id) ?? [];
    const clock = clockNow(calendar, limitOf(row), events, now);
    const due = flagsDue(row, clock);
    const application = due && (due.warned || due.overdue) ? (await superviseApplication(deps.app, calendar, row, events, now, clock)).application : row;
    states.push({ application, events, clock });
  }
  return states;
}
