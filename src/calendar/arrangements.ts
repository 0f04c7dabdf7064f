import { z } from "zod";
// The package's own data file (same data its isWorkday() uses). We read the data rather than
// call its functions because its date parsing mixes UTC and the process's local time zone,
// and because it silently answers "workday" for years it has no data for.
import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { t } from "../platform/templates";
import { isCalendarDay, toDayNumber, weekdayOfDayNumber } from "./day";
import { calendarErrors } from "./errors";

/** One year's official arrangement (国务院办公厅关于部分节假日安排的通知), as staff enter it. */
export interface YearArrangement {
  year: number;
  /** Every day off in the notice, weekend days inside a holiday block included (YYYY-MM-DD). */
  holidays: string[];
  /** 调休上班日: Saturdays/Sundays that are working days (YYYY-MM-DD). */
  workdays: string[];
  /** Where it came from, e.g. the notice's number or URL. */
  source?: string;
}

/** Holidays and make-up workdays of one year, ready for lookups. */
export interface YearDays {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const say = (id: string, vars?: Record<string, string | number>) => t("calendar", "zh", `validation.${id}`, vars);
const calendarDay = z.string().refine(isCalendarDay, { message: say("not_a_day") });

export const yearArrangementSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    // Every year has at least 元旦 and 春节; an empty list is a data-entry mistake.
    holidays: z.array(calendarDay).min(1),
    workdays: z.array(calendarDay),
    source: z.string().trim().min(1).optional(),
  })
  .superRefine((a, ctx) => {
    const prefix = `${a.year}-`;
    for (const [key, days] of [["holidays", a.holidays], ["workdays", a.workdays]] as const) {
      days.forEach((d, i) => {
        if (!d.startsWith(prefix)) {
          ctx.addIssue({ code: "custom", path: [key, i], message: say("day_not_in_year", { day: d, year: a.year }) });
        }
      });
    }
    const holidays = new Set(a.holidays);
    a.workdays.forEach((d, i) => {
      if (holidays.has(d)) {
        ctx.addIssue({ code: "custom", path: ["workdays", i], message: say("holiday_and_workday", { day: d }) });
      } else if (isCalendarDay(d) && isWeekday(d)) {
        // A make-up workday is always a Saturday or Sunday; a Mon–Fri entry is a typo.
        ctx.addIssue({ code: "custom", path: ["workdays", i], message: say("workday_not_weekend", { day: d }) });
      }
    });
  });

function isWeekday(day: string): boolean {
  const wd = weekdayOfDayNumber(toDayNumber(day));
  return wd >= 1 && wd <= 5;
}

/** Validates staff-entered years; a bad entry is refused whole, with every problem listed. */
export function parseYearArrangements(input: unknown): YearArrangement[] {
  const result = z.array(yearArrangementSchema).safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const problems = issues.map((i) => say("problem", { path: i.path, message: i.message })).join(say("problem_separator"));
    throw calendarErrors("arrangements_invalid", { problems }, { issues });
  }
  const seen = new Set<number>();
  for (const a of result.data) {
    if (seen.has(a.year)) throw calendarErrors("year_entered_twice", { year: a.year }, { year: a.year });
    seen.add(a.year);
  }
  return result.data;
}

function groupByYear(map: Record<string, unknown>, into: Map<number, { holidays: Set<string>; workdays: Set<string> }>, key: "holidays" | "workdays"): void {
  for (const day of Object.keys(map)) {
    const year = Number(day.slice(0, 4));
    let entry = into.get(year);
    if (!entry) {
      entry = { holidays: new Set(), workdays: new Set() };
      into.set(year, entry);
    }
    entry[key].add(day);
  }
}

/**
 * The years chinese-days has an arrangement for (2004–2026 in v1.5.7), keyed by year.
 * A year counts as known when the package lists holidays in it; for any other year the
 * package just falls back to Monday–Friday, which is exactly the guess we must not make.
 */
export function builtinYears(): Map<number, YearDays> {
  const byYear = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  groupByYear(chineseDays.holidays, byYear, "holidays");
  groupByYear(chineseDays.workdays, byYear, "workdays");
  for (const [year, days] of byYear) if (days.holidays.size === 0) byYear.delete(year);
  return byYear;
}
