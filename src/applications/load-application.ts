import type { ApplicationModel } from "../platform/db";
import type { ApplicationState } from "./application-presenter";
import { clockNow, limitOf } from "./clock-columns";
import type { ApplicationsDeps } from "./deps";
import { findApplication, type ApplicationRef } from "./find-application";

/** The row, its timeline and its clock as of now (computed live from the timeline). */
export async function loadApplicationState(deps: ApplicationsDeps, application: ApplicationModel): Promise<ApplicationState> {
  const events = await deps.app.db.prisma.applicationEvent.findMany({ where: { applicationId: application.id }, orderBy: [{ at: "asc" }, { recordedAt: "asc" }] });
  const calendar = await deps.calendar.get();
  return { application, events, clock: clockNow(calendar, limitOf(application), events, deps.app.now()) };
}

export async function getApplication(deps: ApplicationsDeps, ref: ApplicationRef): Promise<ApplicationState> {
  return loadApplicationState(deps, await findApplication(deps.app.db.prisma, ref));
}
