import { SHANGHAI_OFFSET_MS } from "../platform/shanghai-time";
import { calendarErrors } from "./errors";

/**
 * Calendar days in Asia/Shanghai, written "YYYY-MM-DD".
 *
 * China has had one time zone (UTC+8) with no daylight saving since 1991, so a Shanghai day is
 * exactly [00:00, 24:00) at UTC+8 and we can convert with a fixed offset instead of pulling in
 * a time-zone database. Internally a day is an integer "day number" (days since 1970-01-01),
 * which makes adding days and comparing days plain arithmetic.
 */
export type CalendarDay = string;

const MS_PER_DAY = 86_400_000;
// Asia/Shanghai is UTC+8 all year; the offset and the text formatter live in one place.
export { SHANGHAI_OFFSET_MS, formatShanghai } from "../platform/shanghai-time";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed, real date such as "2025-10-01" (not "2025-02-30"). */
export function isCalendarDay(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Day number of a "YYYY-MM-DD" string; bad input is the caller's mistake (bad_request). */
export function toDayNumber(day: CalendarDay): number {
  if (!isCalendarDay(day)) {
    throw calendarErrors("invalid_day", { day }, { day });
  }
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(n: number): CalendarDay {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDayNumber(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function addDays(day: CalendarDay, n: number): CalendarDay {
  return fromDayNumber(toDayNumber(day) + n);
}

function assertInstant(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw calendarErrors("invalid_instant");
  return t;
}

/** Shanghai day number of a UTC instant: 2025-09-30T23:30Z is 2025-10-01 07:30 in Shanghai. */
export function shanghaiDayNumberOf(instant: Date): number {
  return Math.floor((assertInstant(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDayOf(instant: Date): CalendarDay {
  return fromDayNumber(shanghaiDayNumberOf(instant));
}

/** The instant a Shanghai day starts (00:00 UTC+8). */
export function startOfShanghaiDay(day: CalendarDay): Date {
  return new Date(toDayNumber(day) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/**
 * The last instant of a Shanghai day, 23:59:59.999 UTC+8.
 *
 * Why the end of the day and not office closing (17:30): 《民法典》第203条 says the last day of
 * a period ends at 24:00 (“期间的最后一日的截止时间为二十四时”), and online applications
 * arrive at any hour. We use 23:59:59.999 rather than the next midnight so that formatting the
 * instant in Shanghai shows the due day itself; a deadline is missed when `now > dueAt`.
 */
export function endOfShanghaiDay(day: CalendarDay): Date {
  return new Date(startOfShanghaiDay(day).getTime() + MS_PER_DAY - 1);
}

