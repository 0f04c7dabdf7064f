import type { AppContext } from "../platform/context";
import type { HolidayYearModel } from "../platform/db";
import { listHolidayYears } from "./list-holiday-years";
import { calendarWarnings, type CalendarWarning } from "./year-warnings";

/** The years staff entered and which year is still missing: what staff need to decide what to enter next. */
export async function getHolidayYears(ctx: Pick<AppContext, "db" | "store" | "now">): Promise<{ years: HolidayYearModel[]; calendarWarnings: CalendarWarning[] }> {
  const [years, warnings] = await Promise.all([listHolidayYears(ctx), calendarWarnings(ctx)]);
  return { years, calendarWarnings: warnings };
}
