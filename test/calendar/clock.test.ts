import { describe, expect, it } from "vitest";
import { computeClock, createCalendar, dayOfCountedDays, type PauseInterval, type TimeLimit } from "../../src/calendar";
import { AppError } from "../../src/platform/errors";
import { sh, staff2027 } from "./fixtures";

const calendar = createCalendar();
const fiveWorkdays: TimeLimit = { value: 5, unit: "工作日" };

const clock = (start: string, limit: TimeLimit, now: string, pauses: PauseInterval[] = []) =>
  computeClock({ calendar, start: sh(start), limit, pauses, now: sh(now) });

describe("clock without pauses", () => {
  it("runs across National Day 2025 and reports progress", () => {
    const c = clock("2025-09-26 10:00", fiveWorkdays, "2025-10-09 10:00");
    expect(c.dueDay).toBe("2025-10-10");
    expect(c.dueAt).toEqual(new Date("2025-10-10T15:59:59.999Z"));
    expect(c).toMatchObject({ daysUsed: 4, daysLeft: 1, fractionUsed: 0.8, paused: false, overdue: false, pausedDays: 0 });
  });

  it("is due, not overdue, on the due day and overdue just after it ends", () => {
    expect(clock("2025-09-26 10:00", fiveWorkdays, "2025-10-10 23:59")).toMatchObject({ daysLeft: 0, overdue: false });
    const late = clock("2025-09-26 10:00", fiveWorkdays, "2025-10-13 09:00");
    expect(late).toMatchObject({ overdue: true, daysUsed: 7, daysLeft: -2 });
  });

  it("starts on the Shanghai day of a UTC-evening acceptance", () => {
    // 2025-09-25T15:30Z is Thursday 23:30 in Shanghai; 16:30Z is already Friday 00:30.
    const thursday = computeClock({ calendar, start: new Date("2025-09-25T15:30:00Z"), limit: { value: 1, unit: "工作日" }, now: sh("2025-09-26 08:00") });
    const friday = computeClock({ calendar, start: new Date("2025-09-25T16:30:00Z"), limit: { value: 1, unit: "工作日" }, now: sh("2025-09-26 08:00") });
    expect(thursday.dueDay).toBe("2025-09-26");
    expect(friday.dueDay).toBe("2025-09-28");
  });

  it("counts natural days and rolls a day-off ending to the next working day", () => {
    expect(clock("2025-09-20 10:00", { value: 10, unit: "自然日" }, "2025-09-25 10:00")).toMatchObject({
      dueDay: "2025-09-30",
      daysUsed: 5,
      daysLeft: 5,
    });
    expect(clock("2025-09-25 10:00", { value: 7, unit: "自然日" }, "2025-09-25 10:00").dueDay).toBe("2025-10-09");
  });

  it("makes 即办 due by the end of the same day", () => {
    const c = clock("2025-11-03 10:00", { value: 0, unit: "即办" }, "2025-11-03 16:00");
    expect(c).toMatchObject({ dueDay: "2025-11-03", overdue: false, daysUsed: 0, daysLeft: 0 });
    expect(clock("2025-11-03 10:00", { value: 0, unit: "即办" }, "2025-11-04 01:00").overdue).toBe(true);
  });
});

describe("clock with pauses (行政许可法第45条: 不计算在期限内)", () => {
  const start = "2025-11-03 10:00"; // Monday; unpaused due day is Monday 11-10

  it("moves the due day out by the paused working days", () => {
    const c = clock(start, fiveWorkdays, "2025-11-07 10:00", [{ from: sh("2025-11-05 09:00"), to: sh("2025-11-06 15:00") }]);
    expect(c).toMatchObject({ dueDay: "2025-11-12", pausedDays: 2, daysUsed: 2, paused: false });
  });

  it("adds up several pauses, however short", () => {
    const pauses = [
      { from: sh("2025-11-05 09:00"), to: sh("2025-11-06 15:00") },
      { from: sh("2025-11-10 10:00"), to: sh("2025-11-10 11:00") },
    ];
    expect(clock(start, fiveWorkdays, "2025-11-11 10:00", pauses)).toMatchObject({ dueDay: "2025-11-13", pausedDays: 3 });
  });

  it("keeps moving the due day while still paused, and is never overdue meanwhile", () => {
    const pauses = [{ from: sh("2025-11-05 09:00") }];
    const c = clock(start, fiveWorkdays, "2025-11-07 12:00", pauses);
    expect(c).toMatchObject({ dueDay: "2025-11-13", paused: true, overdue: false, daysUsed: 1, pausedDays: 3 });
    const later = clock(start, fiveWorkdays, "2025-11-20 12:00", pauses);
    expect(later).toMatchObject({ dueDay: "2025-11-26", paused: true, overdue: false, daysUsed: 1 });
  });

  it("only loses the working days of a pause that spans a holiday", () => {
    const pauses = [{ from: sh("2025-09-30 10:00"), to: sh("2025-10-09 10:00") }];
    const c = clock("2025-09-26 10:00", fiveWorkdays, "2025-10-14 10:00", pauses);
    expect(c).toMatchObject({ dueDay: "2025-10-13", pausedDays: 2, overdue: true });
  });

  it("does not pause the day a pause ends on at exactly midnight", () => {
    const c = clock(start, fiveWorkdays, "2025-11-07 10:00", [{ from: sh("2025-11-05 09:00"), to: sh("2025-11-06 00:00") }]);
    expect(c.dueDay).toBe("2025-11-11");
  });

  it("ignores pause time before the clock started", () => {
    const c = clock(start, fiveWorkdays, "2025-11-04 10:00", [{ from: sh("2025-10-30 09:00"), to: sh("2025-11-02 10:00") }]);
    expect(c.dueDay).toBe("2025-11-10");
  });

  it("pauses natural-day limits too", () => {
    const c = clock("2025-11-03 10:00", { value: 3, unit: "自然日" }, "2025-11-03 12:00", [{ from: sh("2025-11-04 09:00"), to: sh("2025-11-04 10:00") }]);
    expect(c.dueDay).toBe("2025-11-07");
  });

  it("makes 即办 due by the end of the day the clock resumed", () => {
    const pauses = [{ from: sh("2025-11-03 10:30"), to: sh("2025-11-05 09:00") }];
    expect(clock(start, { value: 0, unit: "即办" }, "2025-11-05 12:00", pauses).dueDay).toBe("2025-11-05");
    expect(clock(start, { value: 0, unit: "即办" }, "2025-11-04 12:00", [{ from: sh("2025-11-03 10:30") }])).toMatchObject({
      dueDay: "2025-11-04",
      paused: true,
      overdue: false,
    });
  });
});

describe("clock refusals", () => {
  it("refuses a deadline that runs into an unconfirmed year, then computes it with staff data", () => {
    expect(() => clock("2026-12-28 10:00", fiveWorkdays, "2026-12-28 11:00")).toThrow(/2027年节假日安排尚未确认/);
    const withStaff = createCalendar({ extraYears: [staff2027] });
    const c = computeClock({ calendar: withStaff, start: sh("2026-12-28 10:00"), limit: fiveWorkdays, now: sh("2026-12-28 11:00") });
    expect(c.dueDay).toBe("2027-01-05");
  });

  it("refuses bad limits and pause intervals that end before they start", () => {
    expect(() => clock(start(), { value: 0, unit: "工作日" }, start())).toThrow(AppError);
    expect(() => clock(start(), { value: 2.5, unit: "自然日" }, start())).toThrow(/整数/);
    expect(() => clock(start(), fiveWorkdays, start(), [{ from: sh("2025-11-05 09:00"), to: sh("2025-11-04 09:00") }])).toThrow(
      expect.objectContaining({ code: "bad_request" }),
    );
  });
});

function start(): string {
  return "2025-11-03 10:00";
}

describe("counted days (the clock's counting, for a share of the limit)", () => {
  const counted = (start: string, unit: "工作日" | "自然日", days: number, pauses: PauseInterval[] = []) =>
    dayOfCountedDays({ calendar, start: sh(start), unit, days, pauses, now: sh(start) });

  it("is the clock's due day when counting the whole limit in working days, pauses included", () => {
    const pause = [{ from: sh("2025-09-29 10:00"), to: sh("2025-10-09 10:00") }];
    for (const pauses of [[], pause]) {
      for (const value of [1, 4, 6, 15]) {
        const due = computeClock({ calendar, start: sh("2025-09-26 10:00"), limit: { value, unit: "工作日" }, pauses, now: sh("2025-09-26 10:00") }).dueDay;
        expect(counted("2025-09-26 10:00", "工作日", value, pauses)).toBe(due);
      }
    }
  });

  it("counts natural days without the day-off roll of the due day, and 0 days is the start day", () => {
    // 4 natural days from 09-28 end on 10-02, a holiday; the clock's due day would roll to 10-09.
    expect(counted("2025-09-28 10:00", "自然日", 4)).toBe("2025-10-02");
    expect(counted("2025-09-28 10:00", "工作日", 0)).toBe("2025-09-28");
  });

  it("refuses a negative or fractional count and a year nobody confirmed", () => {
    expect(() => counted("2025-09-28 10:00", "工作日", -1)).toThrow(AppError);
    expect(() => counted("2025-09-28 10:00", "工作日", 1.5)).toThrow(AppError);
    expect(() => counted("2026-12-28 10:00", "工作日", 10)).toThrow(/2027年节假日安排尚未确认/);
  });
});
