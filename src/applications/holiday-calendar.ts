import { createCalendar, type WorkCalendar } from "../calendar";
import type { AppContext } from "../platform/context";

/** Store channel on which an instance announces a newly added year to the others. */
export const HOLIDAY_YEARS_CHANNEL = "applications:holiday-years";
/** Even without an announcement (e.g. a year added by SQL) the cache is rebuilt this often. */
const MAX_AGE_MS = 10 * 60_000;

export interface CalendarSource {
  get(): Promise<WorkCalendar>;
  /** Drop the cache: the next get() rebuilds from holiday_year. */
  invalidate(): void;
}

/**
 * The working-day calendar: chinese-days data plus the years staff added (holiday_year),
 * built once and cached until a year is added.
 */
export function holidayCalendar(ctx: Pick<AppContext, "db">): CalendarSource {
  let cached: { calendar: Promise<WorkCalendar>; at: number } | undefined;
  const build = async () => {
    const rows = await ctx.db.prisma.holidayYear.findMany({ orderBy: { year: "asc" } });
    return createCalendar({
      extraYears: rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, ...(r.source ? { source: r.source } : {}) })),
    });
  };
  return {
    get() {
      if (!cached || Date.now() - cached.at > MAX_AGE_MS) {
        const calendar = build();
        cached = { calendar, at: Date.now() };
        calendar.catch(() => (cached = undefined));
      }
      return cached.calendar;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
