import { describe, expect, it } from "vitest";
import { computeApplicationClock } from "../../src/applications/application-clock";
import { clockColumns, WARN_FRACTION, type StoredEvent } from "../../src/applications/clock-columns";
import { createCalendar, type TimeLimit } from "../../src/calendar";
import { sh } from "../calendar/fixtures";

const calendar = createCalendar();
const ev = (status: string, at: string): StoredEvent => ({ status, at: sh(at) });

/**
 * warnAt, the instant supervision warns at, is where the clock's used share first reaches 80%:
 * the same day counting as the clock (working or natural days after 受理, holidays, make-up
 * days and paused days). Pinned on a few files, and checked against the clock itself.
 */
describe("the cached warn instant", () => {
  const running = (limit: TimeLimit, events: StoredEvent[], now: Date) => clockColumns(calendar, limit, events, now);

  it("counts working days across National Day and its make-up workdays", () => {
    // 10 working days from 09-26 → warn at the 8th: 9-28 1, 9-29 2, 9-30 3, 10-9 4, 10-10 5, 10-11 6, 10-13 7, 10-14 8.
    const c = running({ value: 10, unit: "工作日" }, [ev("submitted", "2025-09-26 09:00"), ev("accepted", "2025-09-26 10:00")], sh("2025-09-27 09:00"));
    expect(c.warnAt).toEqual(sh("2025-10-14 00:00"));
  });

  it("skips days touched by a closed pause", () => {
    // 5 working days from 11-03, warn at the 4th; 补正 11-04 10:00 → 11-06 09:00 pauses 11-04…11-06: 11-07 1, 11-10 2, 11-11 3, 11-12 4.
    const events = [ev("submitted", "2025-11-03 08:00"), ev("accepted", "2025-11-03 09:00"), ev("supplement_required", "2025-11-04 10:00"), ev("supplement_submitted", "2025-11-06 09:00")];
    expect(running({ value: 5, unit: "工作日" }, events, sh("2025-11-06 10:00")).warnAt).toEqual(sh("2025-11-12 00:00"));
  });

  it("counts natural days for a 自然日 limit, and 80% of the same day for 即办", () => {
    const events = [ev("submitted", "2025-09-30 08:00"), ev("accepted", "2025-09-30 09:00")];
    expect(running({ value: 5, unit: "自然日" }, events, sh("2025-09-30 10:00")).warnAt).toEqual(sh("2025-10-04 00:00"));
    const immediate = running({ value: 0, unit: "即办" }, events, sh("2025-09-30 10:00"));
    // 80% of 09:00 → 23:59:59.999 is 21:00 less a fraction of a millisecond.
    expect(immediate.warnAt).toEqual(new Date(sh("2025-09-30 21:00").getTime() - 1));
  });

  it("is the first instant the clock's used share reaches 80%, for many starts, limits and pauses", () => {
    const starts = ["2025-01-20 10:00", "2025-04-28 15:00", "2025-09-26 11:00", "2025-12-29 09:00", "2026-02-11 16:00"];
    for (const start of starts) {
      for (const limit of [{ value: 3, unit: "工作日" }, { value: 7, unit: "工作日" }, { value: 20, unit: "工作日" }, { value: 10, unit: "自然日" }] as TimeLimit[]) {
        for (const pauseDays of [0, 1, 4]) {
          const s = sh(start);
          const events = [ev("submitted", start), { status: "accepted", at: s }];
          if (pauseDays) {
            events.push({ status: "supplement_required", at: new Date(s.getTime() + 86_400_000) });
            events.push({ status: "supplement_submitted", at: new Date(s.getTime() + (1 + pauseDays) * 86_400_000) });
          }
          const after = new Date(s.getTime() + (2 + pauseDays) * 86_400_000);
          const { warnAt } = running(limit, events, after);
          expect(warnAt, `${start} ${limit.value}${limit.unit} pause ${pauseDays}`).not.toBeNull();
          const share = (at: Date) => {
            const clock = computeApplicationClock({ calendar, timeline: events.map((e) => ({ status: e.status as never, at: e.at })), limit, now: at });
            return clock.started ? clock.fractionUsed : NaN;
          };
          if (warnAt! > after) {
            expect(share(warnAt!)).toBeGreaterThanOrEqual(WARN_FRACTION);
            expect(share(new Date(warnAt!.getTime() - 1))).toBeLessThan(WARN_FRACTION);
          }
        }
      }
    }
  });
});
