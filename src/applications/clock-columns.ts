import { dayOfCountedDays, startOfShanghaiDay, type PauseInterval, type TimeLimit, type WorkCalendar } from "../calendar";
import { isAppError } from "../platform/errors";
import { clockMarks, computeApplicationClock, derivePauseIntervals, type ApplicationClock, type TimelineEntry } from "./application-clock";
import { isApplicationStatus } from "./application-status";

/** Electronic supervision warns at this share of the promised time (电子监察 预警线). */
export const WARN_FRACTION = 0.8;

export interface ClockColumns {
  acceptedAt: Date | null;
  stoppedAt: Date | null;
  paused: boolean;
  warnAt: Date | null;
  dueAt: Date | null;
  clockProblem: string | null;
}

export interface StoredEvent {
  status: string;
  at: Date;
}

export const toTimeline = (events: readonly StoredEvent[]): TimelineEntry[] =>
  events.flatMap((e) => (isApplicationStatus(e.status) ? [{ status: e.status, at: e.at }] : []));

export const limitOf = (a: { limitValue: number; limitUnit: string }): TimeLimit => ({ value: a.limitValue, unit: a.limitUnit as TimeLimit["unit"] });

/** The clock now, or the reason it cannot be computed (a year whose holidays are unconfirmed). */
export function clockNow(calendar: WorkCalendar, limit: TimeLimit, events: readonly StoredEvent[], now: Date): ApplicationClock | { problem: string } {
  try {
    return computeApplicationClock({ calendar, timeline: toTimeline(events), limit, now });
  } catch (err) {
    if (isAppError(err) && err.code === "unprocessable") return { problem: err.message };
    throw err;
  }
}

/** The due and warning instants an application row holds now (what an earlier computation stored). */
export type StoredDue = Pick<ClockColumns, "dueAt" | "warnAt">;

/**
 * The cached clock columns of an application. While the clock runs, warnAt/dueAt are the
 * instants supervision must act at (any later pause is a new event that recomputes them);
 * while paused or stopped there is nothing to supervise, so warnAt is null.
 *
 * When the clock cannot be computed (a year whose holidays nobody confirmed) the row keeps the
 * `stored` due and warning instants, with clockProblem saying why: an instant known before
 * must not vanish because a later year is unknown — supervision re-checks each candidate with
 * the live clock anyway, so a kept instant can bring a row up for checking, never flag it.
 */
export function clockColumns(calendar: WorkCalendar, limit: TimeLimit, events: readonly StoredEvent[], now: Date, stored?: StoredDue): ClockColumns {
  return columnsOfClock(calendar, limit, events, clockNow(calendar, limit, events, now), now, stored);
}

/** clockColumns for a clock the caller already computed (clockNow over the same events and now). */
export function columnsOfClock(calendar: WorkCalendar, limit: TimeLimit, events: readonly StoredEvent[], clock: ReturnType<typeof clockNow>, now: Date, stored?: StoredDue): ClockColumns {
  const acceptedAt = toTimeline(events).filter((e) => e.status === "accepted").sort((a, b) => +a.at - +b.at)[0]?.at ?? null;
  const none: ClockColumns = { acceptedAt, stoppedAt: null, paused: false, warnAt: null, dueAt: null, clockProblem: null };
  if ("problem" in clock) return { ...none, ...unknownDue(events, now, stored), clockProblem: clock.problem };
  if (!clock.started) return none;
  const base = { ...none, dueAt: clock.dueAt, paused: clock.paused, stoppedAt: clock.stoppedAt ?? null };
  if (clock.stoppedAt || clock.paused) return base;
  try {
    return { ...base, warnAt: warnInstant(calendar, limit, clock.startedAt, clock.dueAt, derivePauseIntervals(toTimeline(events))) };
  } catch (err) {
    if (isAppError(err) && err.code === "unprocessable") return { ...base, clockProblem: err.message };
    throw err;
  }
}

/** Columns the timeline gives without the calendar, and the stored instants kept (warnAt only while running). */
function unknownDue(events: readonly StoredEvent[], now: Date, stored: StoredDue | undefined): Partial<ClockColumns> {
  const marks = clockMarks(toTimeline(events), now);
  const running = !marks.stoppedAt && !marks.paused;
  return { stoppedAt: marks.stoppedAt ?? null, paused: marks.paused, dueAt: stored?.dueAt ?? null, warnAt: running ? (stored?.warnAt ?? null) : null };
}

/**
 * The start of the day on which the used days reach 80% of the limit, counted by the
 * calendar's clock (dayOfCountedDays). Only closed pauses count: warnAt is computed while
 * the clock runs. For 即办 (same day) it is 80% of the way from 受理 to the end of the due day.
 */
function warnInstant(calendar: WorkCalendar, limit: TimeLimit, start: Date, dueAt: Date, pauses: PauseInterval[]): Date {
  if (limit.unit === "即办") return new Date(start.getTime() + WARN_FRACTION * (dueAt.getTime() - start.getTime()));
  const closed = pauses.filter((p) => p.to !== undefined);
  const day = dayOfCountedDays({ calendar, start, unit: limit.unit, days: Math.ceil(WARN_FRACTION * limit.value), pauses: closed, now: start });
  return startOfShanghaiDay(day);
}
