import { calendarWarnings, type CalendarWarning } from "../calendar";
import type { ApplicationsDeps } from "./deps";
import { listSupervisionAlerts, type ListAlertsOptions } from "./list-supervision-alerts";

/**
 * The 电子监察 alerts staff review, with the calendar's warnings: a holiday year not entered
 * hides deadlines from supervision, so the view says so beside what it shows.
 */
export async function getSupervisionAlerts(deps: ApplicationsDeps, opts: ListAlertsOptions): Promise<{ items: Awaited<ReturnType<typeof listSupervisionAlerts>>; calendarWarnings: CalendarWarning[] }> {
  const [warnings, items] = await Promise.all([calendarWarnings(deps.app), listSupervisionAlerts(deps, opts)]);
  return { items, calendarWarnings: warnings };
}
