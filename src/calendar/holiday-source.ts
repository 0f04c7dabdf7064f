import type { AppContext } from "../platform/context";
import { createCalendar, type WorkCalendar } from "./calendar";

/** Store channel on which an instance announces a newly added holiday year to the others. */
export const HOLIDAY_YEARS_CHANNEL = "calendar:holiday-years";
/** Even without an announcement (e.g. a year added by SQL) the cache is rebuilt this often. */
const MAX_AGE_MS = 10 * 60_000;

/** What changed in the calendar: a year's arrangement was added. */
export interface CalendarChange {
  year: number;
}
export type CalendarChangeListener = (change: CalendarChange) => Promise<unknown>;

export interface CalendarSource {
  get(): Promise<WorkCalendar>;
  /** Drop the cache: the next get() rebuilds from holiday_year. */
  invalidate(): void;
  /**
   * Run `listener` whenever this instance changes the calendar (see addHolidayYear), after the
   * cache is dropped — capabilities that store deadlines recompute them there. Only the instance
   * that made the change runs listeners: the stored deadlines live in the shared database, so
   * once is enough; other instances hear HOLIDAY_YEARS_CHANNEL and just drop their cache.
   * Returns a function that removes the listener.
   */
  onChange(listener: CalendarChangeListener): () => void;
  /** The calendar changed here: drop the cache, then run the listeners in turn (their errors propagate). */
  changed(change: CalendarChange): Promise<void>;
}

/** One source per service instance, shared by every capability that computes deadlines. */
const sources = new WeakMap<object, CalendarSource>();

/**
 * The working-day calendar of this instance: chinese-days data plus the years staff added
 * (holiday_year), built once and cached until a year is added here or on another instance
 * (HOLIDAY_YEARS_CHANNEL). Applications and complaints share it, so a year staff confirm
 * unblocks both kinds of deadline at once.
 */
export function holidayCalendar(ctx: Pick<AppContext, "db" | "store">): CalendarSource {
  const existing = sources.get(ctx);
  if (existing) return existing;
  let cached: { calendar: Promise<WorkCalendar>; at: number } | undefined;
  const build = async () => {
    const rows = await ctx.db.prisma.holidayYear.findMany({ orderBy: { year: "asc" } });
    return createCalendar({
      extraYears: rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, ...(r.source ? { source: r.source } : {}) })),
    });
  };
  let subscribed = false;
  const listeners = new Set<CalendarChangeListener>();
  const source: CalendarSource = {
    get() {
      if (!subscribed) {
        subscribed = true;
        // Lives as long as the store (closed at shutdown); taken on first use, not at wiring.
        void ctx.store.subscribe(HOLIDAY_YEARS_CHANNEL, () => source.invalidate()).catch(() => (subscribed = false));
      }
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
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async changed(change) {
      source.invalidate();
      for (const listener of [...listeners]) await listener(change);
    },
  };
  sources.set(ctx, source);
  return source;
}
