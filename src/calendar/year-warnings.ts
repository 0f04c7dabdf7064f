import type { AppContext } from "../platform/context";
import { t } from "../platform/templates";
import type { WorkCalendar } from "./calendar";
import { shanghaiDayNumberOf, toDayNumber, yearOfDayNumber, type CalendarDay } from "./day";
import { holidayCalendar } from "./holiday-source";

/**
 * How far ahead staff are told that a year's holiday arrangement is missing. The State
 * Council publishes next year's notice around November; 60 days before 1 January leaves about
 * a month after it appears, and is when the first deadlines start to reach into the new year
 * (a 30-working-day limit from early November already ends in January).
 */
export const WARN_DAYS_AHEAD = 60;

// A type, not an interface: it is a ReadinessWarning (/readyz), whose index signature an interface cannot meet.
export type CalendarWarning = {
  code: "holiday_year_unconfirmed";
  year: number;
  /** 1 January of that year. */
  startsOn: CalendarDay;
  /** Shanghai days from today to startsOn: 0 on 1 January, negative once the year has started. */
  daysUntilStart: number;
  started: boolean;
  /** One sentence for staff and logs: which year, and what to do. */
  message: string;
  /** What does not work until the year is entered (see the callers of the calendar). */
  affects: string[];
};

const say = (id: string, vars: Record<string, string | number>) => t("calendar", "zh", `warnings.${id}`, vars);
const AFFECTS = ["application_deadlines", "overdue_days", "complaint_dispatch", "complaint_escalation", "rectification"];
const affects = (year: number): string[] => AFFECTS.map((id) => say(`affects.${id}`, { year }));

/**
 * Which year's arrangement is missing now: the current year if it is not confirmed, and the
 * next year from WARN_DAYS_AHEAD days before it starts. Empty when all is entered.
 */
export function unconfirmedYearWarnings(calendar: WorkCalendar, now: Date, daysAhead = WARN_DAYS_AHEAD): CalendarWarning[] {
  const today = shanghaiDayNumberOf(now);
  const thisYear = yearOfDayNumber(today);
  const warnings: CalendarWarning[] = [];
  for (const year of [thisYear, thisYear + 1]) {
    const startsOn = `${year}-01-01`;
    const daysUntilStart = toDayNumber(startsOn) - today;
    if (calendar.isConfirmedYear(year) || daysUntilStart > daysAhead) continue;
    const started = daysUntilStart <= 0;
    warnings.push({
      code: "holiday_year_unconfirmed",
      year,
      startsOn,
      daysUntilStart,
      started,
      message: started ? say("started", { year }) : say("ahead", { year, startsOn, days: daysUntilStart }),
      affects: affects(year),
    });
  }
  return warnings;
}

/**
 * unconfirmedYearWarnings on this instance's calendar, at ctx.now(). For status views
 * (/readyz, metrics, staff dashboards): a calendar that cannot be read within `timeoutMs`
 * (database down — /readyz says so itself) gives no warnings rather than an error.
 */
export async function calendarWarnings(ctx: Pick<AppContext, "db" | "store" | "now">, timeoutMs = 2000): Promise<CalendarWarning[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    const calendar = await Promise.race([holidayCalendar(ctx).get().catch(() => undefined), timeout]);
    return calendar ? unconfirmedYearWarnings(calendar, ctx.now()) : [];
  } finally {
    clearTimeout(timer);
  }
}
