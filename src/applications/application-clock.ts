import { computeClock, type ClockState, type PauseInterval, type TimeLimit, type WorkCalendar } from "../calendar";
import { CLOCK_STOPPING_STATUSES, pausesClock, type ApplicationStatus } from "./application-status";

/** One recorded status change of an application. */
export interface TimelineEntry {
  status: ApplicationStatus;
  at: Date;
}

const byTime = (timeline: readonly TimelineEntry[]) =>
  // Stable sort keeps the recorded order for entries with the same timestamp.
  [...timeline].sort((a, b) => a.at.getTime() - b.at.getTime());

/**
 * Pause intervals from a timeline: a pause opens on entering a pausing status (补正, 特别程序,
 * 挂起) and closes on entering any other; consecutive pausing statuses make one interval.
 * The last interval is open (no `to`) while the application is still paused.
 */
export function derivePauseIntervals(timeline: readonly TimelineEntry[]): PauseInterval[] {
  const pauses: PauseInterval[] = [];
  let openedAt: Date | undefined;
  for (const entry of byTime(timeline)) {
    if (pausesClock(entry.status)) {
      openedAt ??= entry.at;
    } else if (openedAt) {
      pauses.push({ from: openedAt, to: entry.at });
      openedAt = undefined;
    }
  }
  if (openedAt) pauses.push({ from: openedAt });
  return pauses;
}

export interface ApplicationClockOptions {
  calendar: WorkCalendar;
  timeline: readonly TimelineEntry[];
  /** The item's promised limit (承诺时限) from the catalogue. */
  limit: TimeLimit;
  now: Date;
}

export type ApplicationClock =
  | { started: false }
  | (ClockState & { started: true; startedAt: Date; stoppedAt?: Date | undefined });

/**
 * What the timeline alone says about the clock at `now`, without the calendar: whether it was
 * stopped (and when) and whether it is paused. Kept right when the calendar cannot answer
 * (a year whose holidays nobody confirmed).
 */
export function clockMarks(timeline: readonly TimelineEntry[], now: Date): { stoppedAt?: Date | undefined; paused: boolean } {
  const sorted = byTime(timeline);
  const accepted = sorted.find((e) => e.status === "accepted");
  if (!accepted) return { paused: false };
  const stop = sorted.find((e) => e.at >= accepted.at && CLOCK_STOPPING_STATUSES.includes(e.status));
  const at = stop && stop.at < now ? stop.at : now;
  const last = derivePauseIntervals(sorted.filter((e) => e.at <= at)).at(-1);
  return { stoppedAt: stop?.at, paused: last !== undefined && last.to === undefined };
}

/**
 * The application's clock: it starts at 受理 (the first "accepted"; 补正 before 受理 happens
 * before the clock exists) and stops at the first decision/refusal/withdrawal, after which
 * it is evaluated at the stop time — so `overdue` then means "was decided late".
 */
export function computeApplicationClock(options: ApplicationClockOptions): ApplicationClock {
  const timeline = byTime(options.timeline);
  const accepted = timeline.find((e) => e.status === "accepted");
  if (!accepted) return { started: false };
  const stop = timeline.find((e) => e.at >= accepted.at && CLOCK_STOPPING_STATUSES.includes(e.status));
  const now = stop && stop.at < options.now ? stop.at : options.now;
  const upToNow = timeline.filter((e) => e.at <= now);
  const state = computeClock({
    calendar: options.calendar,
    start: accepted.at,
    limit: options.limit,
    pauses: derivePauseIntervals(upToNow),
    now,
  });
  return { ...state, started: true, startedAt: accepted.at, stoppedAt: stop?.at };
}
