import type { AppContext } from "../platform/context";
import type { YearArrangement } from "./arrangements";
import { HOLIDAY_YEARS_CHANNEL, holidayCalendar } from "./holiday-source";

/** What the holiday-year operations need from the service. */
export type HolidayYearCtx = Pick<AppContext, "db" | "store" | "logger"> & { now?: () => Date };

/** A year's days as stored: each list de-duplicated and sorted. */
export const storedDays = (a: YearArrangement) => ({ holidays: [...new Set(a.holidays)].sort(), workdays: [...new Set(a.workdays)].sort(), source: a.source ?? null });

/**
 * Every instance drops its cached calendar (HOLIDAY_YEARS_CHANNEL), and this instance's change
 * listeners run before the caller reports the change — applications and complaints recompute
 * the stored deadlines of running cases there.
 */
export async function announceHolidayYear(ctx: HolidayYearCtx, year: number): Promise<void> {
  await ctx.store.publish(HOLIDAY_YEARS_CHANNEL, String(year)).catch(() => {});
  await holidayCalendar(ctx).changed({ year });
}
