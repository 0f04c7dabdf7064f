import { calendarWarnings, type CalendarWarning } from "../calendar";
import { countSupervisionAlerts } from "./count-supervision-alerts";
import type { ApplicationsDeps } from "./deps";

/** 预警 / 超期 counts per department, with the calendar's warnings (see get-supervision-alerts.ts for why). */
export async function getSupervisionCounts(deps: ApplicationsDeps): Promise<{ departments: Awaited<ReturnType<typeof countSupervisionAlerts>>; calendarWarnings: CalendarWarning[] }> {
  const [departments, warnings] = await Promise.all([countSupervisionAlerts(deps), calendarWarnings(deps.app)]);
  return { departments, calendarWarnings: warnings };
}
