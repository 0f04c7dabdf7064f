import type { WorkCalendar } from "./calendar";
import { endOfShanghaiDay, fromDayNumber, shanghaiDayNumberOf, yearOfDayNumber, type CalendarDay } from "./day";
import { calendarErrors } from "./errors";

/**
 * The time-limit clock of an application (承诺时限): start instant (受理), a limit, pauses.
 *
 * Pauses: 《行政许可法》第45条 — 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审所需时间不计算在
 * 期限内; time waiting for 补正 is likewise not counted (第32条: the applicant, not the office,
 * holds the file). Some items restart the whole period after 补正 instead; that is a per-item
 * rule the caller expresses by passing the supplement-received time as the new `start`.
 *
 * Partial days — the rule: a day on which the clock was paused at any moment is a paused day
 * and is not counted. Days are the unit of the limit, so a part-day must go one way; we follow
 * the same logic as 《民法典》第201条 (the day a period starts is not counted, 开始的当日不计入):
 * the day a pause ends is the day counting restarts, so it is not counted either, and the day a
 * pause begins was not a full day of work on the file. A department is thus never shown
 * overdue for time it did not hold the file; the cost is that a pause crossing midnight
 * pauses two days.
 */
export type LimitUnit = "工作日" | "自然日" | "即办";

export interface TimeLimit {
  /** Number of days; ignored (use 0) for 即办, which is due by the end of the same day. */
  value: number;
  unit: LimitUnit;
}

export interface PauseInterval {
  from: Date;
  /** undefined: still paused now. */
  to?: Date | undefined;
}

export interface ClockInput {
  calendar: WorkCalendar;
  /** When the clock started (受理 time). */
  start: Date;
  limit: TimeLimit;
  pauses?: readonly PauseInterval[];
  now: Date;
}

export interface ClockState {
  /** Shanghai day on which the limit runs out. */
  dueDay: CalendarDay;
  /** End of dueDay (23:59:59.999 Shanghai); missed when now > dueAt. While paused it is provisional. */
  dueAt: Date;
  /** Counted days (of the limit's unit) after the start day up to and including today. */
  daysUsed: number;
  /** limit.value − daysUsed; 0 on the due day, negative once overdue. */
  daysLeft: number;
  /** Days of the limit's unit up to today that were not counted because the clock was paused. */
  pausedDays: number;
  limit: TimeLimit;
  paused: boolean;
  overdue: boolean;
  /** daysUsed / limit.value (elapsed share of the time for 即办); may exceed 1 when overdue. */
  fractionUsed: number;
  /**
   * Set when today lies past the due day in a year whose holiday arrangement is not confirmed:
   * daysUsed counts only through `day` (the last day before that year), so daysLeft understates
   * how far overdue the case is. The due day and `overdue` are exact.
   */
  countedThrough?: { day: CalendarDay; unconfirmedYear: number };
}

const MAX_LIMIT_DAYS = 3660;

function validate(input: ClockInput): void {
  const { limit, start, now } = input;
  if (Number.isNaN(start.getTime()) || Number.isNaN(now.getTime())) {
    throw calendarErrors("clock_times_invalid");
  }
  if (limit.unit !== "即办" && (!Number.isInteger(limit.value) || limit.value < 1 || limit.value > MAX_LIMIT_DAYS)) {
    throw calendarErrors("limit_invalid", { max: MAX_LIMIT_DAYS, unit: limit.unit, value: limit.value }, { limit });
  }
  for (const p of input.pauses ?? []) {
    if (Number.isNaN(p.from.getTime()) || (p.to && (Number.isNaN(p.to.getTime()) || p.to < p.from))) {
      throw calendarErrors("pause_invalid", {}, { pause: p });
    }
  }
}

/** Day numbers touched by any pause, clipped to [start, now] and with an open pause running to now. */
function pausedDayNumbers(input: Pick<ClockInput, "start" | "now" | "pauses">): Set<number> {
  const days = new Set<number>();
  const { start, now } = input;
  for (const p of input.pauses ?? []) {
    const from = Math.max(p.from.getTime(), start.getTime());
    const to = p.to ? p.to.getTime() : Math.max(now.getTime(), from + 1);
    // Half-open [from, to): a pause ending exactly at 00:00 does not touch that day.
    if (to <= from) continue;
    const first = shanghaiDayNumberOf(new Date(from));
    const last = shanghaiDayNumberOf(new Date(to - 1));
    for (let d = first; d <= last; d++) days.add(d);
  }
  return days;
}

function isStillPaused(input: ClockInput): boolean {
  const now = input.now.getTime();
  return (input.pauses ?? []).some((p) => p.from.getTime() <= now && (!p.to || p.to.getTime() > now));
}

export function computeClock(input: ClockInput): ClockState {
  validate(input);
  const { calendar, limit, now } = input;
  const paused = isStillPaused(input);
  const pausedDays = pausedDayNumbers(input);
  const startDay = shanghaiDayNumberOf(input.start);
  const today = shanghaiDayNumberOf(now);

  if (limit.unit === "即办") return immediateClock(input, startDay, pausedDays, paused);

  const ofUnit = (d: number) => limit.unit === "自然日" || calendar.isWorkdayNumber(d);
  let due = countDays(calendar, limit.unit, startDay, limit.value, pausedDays);
  // 《民法典》第203条: a natural-day period that ends on a day off ends on the next working day.
  if (limit.unit === "自然日") while (!calendar.isWorkdayNumber(due)) due++;

  let daysUsed = 0;
  let skipped = 0;
  let countedThrough: ClockState["countedThrough"];
  for (let d = startDay + 1; d <= today; d++) {
    // Up to the due day every year is confirmed (the due day was computed). Past it, a day in an
    // unconfirmed year cannot be classed: stop counting rather than fail the whole clock — the
    // case is overdue either way, and an overdue case must stay visible at the year rollover.
    if (d > due && limit.unit === "工作日" && !calendar.isConfirmedYear(yearOfDayNumber(d))) {
      countedThrough = { day: fromDayNumber(d - 1), unconfirmedYear: yearOfDayNumber(d) };
      break;
    }
    if (!ofUnit(d)) continue;
    if (pausedDays.has(d)) skipped++;
    else daysUsed++;
  }
  const dueDay = fromDayNumber(due);
  const dueAt = endOfShanghaiDay(dueDay);
  return {
    ...(countedThrough ? { countedThrough } : {}),
    dueDay,
    dueAt,
    daysUsed,
    daysLeft: limit.value - daysUsed,
    pausedDays: skipped,
    limit,
    paused,
    overdue: now.getTime() > dueAt.getTime(),
    fractionUsed: daysUsed / limit.value,
  };
}

/** The day on which `n` days of `unit` after `startDay` not touched by a pause are used up. */
function countDays(calendar: WorkCalendar, unit: "工作日" | "自然日", startDay: number, n: number, pausedDays: ReadonlySet<number>): number {
  let day = startDay;
  for (let counted = 0; counted < n; ) {
    day++;
    if ((unit === "自然日" || calendar.isWorkdayNumber(day)) && !pausedDays.has(day)) counted++;
  }
  return day;
}

export interface CountedDayInput {
  calendar: WorkCalendar;
  start: Date;
  unit: "工作日" | "自然日";
  /** How many counted days. */
  days: number;
  pauses?: readonly PauseInterval[];
  /** Where an open pause ends (as in computeClock). */
  now: Date;
}

/**
 * The Shanghai day on which `days` days are used, counted as computeClock counts them: days
 * of the unit after the start day, days touched by a pause skipped. With days = the limit it
 * is the due day before the natural-day rule of 第203条; with a share of the limit, the day
 * that share is reached (electronic supervision's 80% warning).
 */
export function dayOfCountedDays(input: CountedDayInput): CalendarDay {
  if (!Number.isInteger(input.days) || input.days < 0) throw calendarErrors("day_count_negative", { days: input.days }, { days: input.days });
  return fromDayNumber(countDays(input.calendar, input.unit, shanghaiDayNumberOf(input.start), input.days, pausedDayNumbers(input)));
}

/**
 * 即办: done the same day. After a pause (e.g. 补正) it is due by the end of the day the clock
 * resumed; while paused, by the end of today.
 */
function immediateClock(input: ClockInput, startDay: number, pausedDays: Set<number>, paused: boolean): ClockState {
  const today = shanghaiDayNumberOf(input.now);
  let due = startDay;
  for (const d of pausedDays) if (d > due) due = d;
  if (paused) due = Math.max(due, today);
  const dueDay = fromDayNumber(due);
  const dueAt = endOfShanghaiDay(dueDay);
  const span = dueAt.getTime() - input.start.getTime();
  const elapsed = Math.max(0, input.now.getTime() - input.start.getTime());
  return {
    dueDay,
    dueAt,
    daysUsed: 0,
    daysLeft: 0,
    pausedDays: 0,
    limit: input.limit,
    paused,
    overdue: input.now.getTime() > dueAt.getTime(),
    fractionUsed: span > 0 ? elapsed / span : 1,
  };
}
