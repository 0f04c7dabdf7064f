import type { ApplicationEventModel, ApplicationModel, Prisma, PrismaClient } from "../platform/db";
import type { ApplicationState } from "./application-presenter";
import { clockNow, limitOf } from "./clock-columns";
import type { ApplicationsDeps } from "./deps";
import { findApplication, type ApplicationRef } from "./find-application";

/**
 * An application's events in timeline order: by event time, then by when they were recorded.
 * Every reader that computes the clock must use this order — events with the same time (补正
 * and 补正提交 in one second) read in another order would pause a resumed clock.
 */
export function loadTimeline(client: PrismaClient | Prisma.TransactionClient, applicationId: string): Promise<ApplicationEventModel[]> {
  return client.applicationEvent.findMany({ where: { applicationId }, orderBy: [{ at: "asc" }, { recordedAt: "asc" }] });
}

/** The row, its timeline and its clock as of now (computed live from the timeline). */
export async function loadApplicationState(deps: ApplicationsDeps, application: ApplicationModel): Promise<ApplicationState> {
  const events = await loadTimeline(deps.app.db.prisma, application.id);
  const calendar = await deps.calendar.get();
  return { application, events, clock: clockNow(calendar, limitOf(application), events, deps.app.now()) };
}

export async function getApplication(deps: ApplicationsDeps, ref: ApplicationRef): Promise<ApplicationState> {
  return loadApplicationState(deps, await findApplication(deps.app.db.prisma, ref));
}
