import type { AppError } from "../platform/errors";
import { builtinYears, parseYearArrangements, type YearArrangement, type YearDays } from "./arrangements";
import {
  endOfShanghaiDay,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
  type CalendarDay,
} from "./day";
import { calendarErrors } from "./errors";

export interface CreateCalendarOptions {
  /**
   * Arrangements staff entered (e.g. 2027 after the State Council's notice each November).
   * For a year chinese-days already knows, staff entries are laid over the package's: a staff
   * holiday or workday wins on its date, other dates keep the package's answer. That is how
   * a correction, or a late-December make-up day announced with next year's notice, gets in.
   */
  extraYears?: unknown;
}

/**
 * Working days for Chinese government offices. Every method refuses (calendar error
 * year_unconfirmed, kind "unprocessable") to answer for a day in a year whose arrangement nobody confirmed.
 */
export interface WorkCalendar {
  /** Years with a known arrangement, ascending. */
  readonly confirmedYears: readonly number[];
  isConfirmedYear(year: number): boolean;
  isWorkday(day: CalendarDay): boolean;
  /**
   * The day a task is due when it must be done within `n` working days of `from`.
   * Counting starts the day after `from` (期限开始的当日不计算在内) whether or not `from` is a
   * working day, so the result is the n-th working day after `from`. n = 0 gives `from`;
   * a negative n gives the |n|-th working day before `from` (used for reminders).
   */
  addWorkdays(from: CalendarDay, n: number): CalendarDay;
  /** Working days in (a, b]: the inverse of addWorkdays, so workdaysBetween(a, addWorkdays(a, n)) = n. Negative if b < a. */
  workdaysBetween(a: CalendarDay, b: CalendarDay): number;
  /** `day` itself if it is a working day, otherwise the next working day. */
  nextWorkdayOnOrAfter(day: CalendarDay): CalendarDay;
  /**
   * Due day for `n` natural days counted from the day after `from`. If that day is not a
   * working day the period ends on the next working day (《民法典》第203条; weekends count as
   * 法定休假日 here as in court practice).
   */
  addNaturalDays(from: CalendarDay, n: number): CalendarDay;
  /** The instant a due day ends: 23:59:59.999 Shanghai (see endOfShanghaiDay). */
  endOfDay(day: CalendarDay): Date;
  /** Day-number forms of the above, for the clock's loops. */
  isWorkdayNumber(dayNumber: number): boolean;
}

function unconfirmed(year: number): AppError {
  return calendarErrors("year_unconfirmed", { year }, { year });
}

function merge(builtin: YearDays | undefined, extra: YearArrangement): YearDays {
  const holidays = new Set(builtin?.holidays);
  const workdays = new Set(builtin?.workdays);
  for (const d of extra.holidays) (holidays.add(d), workdays.delete(d));
  for (const d of extra.workdays) (workdays.add(d), holidays.delete(d));
  return { holidays, workdays };
}

function assertCount(n: number): void {
  if (!Number.isInteger(n)) throw calendarErrors("day_count_not_integer", { n }, { n });
}

export function createCalendar(options: CreateCalendarOptions = {}): WorkCalendar {
  const years = builtinYears();
  for (const extra of parseYearArrangements(options.extraYears ?? [])) {
    years.set(extra.year, merge(years.get(extra.year), extra));
  }
  const confirmedYears = [...years.keys()].sort((a, b) => a - b);

  function isWorkdayNumber(n: number): boolean {
    const year = yearOfDayNumber(n);
    const days = years.get(year);
    if (!days) throw unconfirmed(year);
    const day = fromDayNumber(n);
    if (days.workdays.has(day)) return true;
    if (days.holidays.has(day)) return false;
    const wd = weekdayOfDayNumber(n);
    return wd >= 1 && wd <= 5;
  }

  function addWorkdayNumbers(from: number, n: number): number {
    const step = n >= 0 ? 1 : -1;
    let day = from;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (isWorkdayNumber(day)) left--;
    }
    return day;
  }

  function nextWorkdayOnOrAfterNumber(n: number): number {
    let day = n;
    while (!isWorkdayNumber(day)) day++;
    return day;
  }

  return {
    confirmedYears,
    isConfirmedYear: (year) => years.has(year),
    isWorkday: (day) => isWorkdayNumber(toDayNumber(day)),
    isWorkdayNumber,
    addWorkdays(from, n) {
      assertCount(n);
      return fromDayNumber(addWorkdayNumbers(toDayNumber(from), n));
    },
    workdaysBetween(a, b) {
      const [from, to] = [toDayNumber(a), toDayNumber(b)];
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (isWorkdayNumber(d)) count++;
      return sign * count;
    },
    nextWorkdayOnOrAfter: (day) => fromDayNumber(nextWorkdayOnOrAfterNumber(toDayNumber(day))),
    addNaturalDays(from, n) {
      assertCount(n);
      return fromDayNumber(nextWorkdayOnOrAfterNumber(toDayNumber(from) + n));
    },
    endOfDay: (day) => endOfShanghaiDay(day),
  };
}

/**
 * A deadline in natural hours (e.g. urgent 12345 tickets: 24 hours). Holidays do not stop it,
 * so no calendar is needed — an urgent matter is urgent on 春节 too.
 */
export function addHours(start: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw calendarErrors("hours_invalid", { hours }, { hours });
  if (Number.isNaN(start.getTime())) throw calendarErrors("invalid_instant");
  return new Date(start.getTime() + hours * 3_600_000);
}
