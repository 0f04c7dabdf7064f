import { describe, expect, it } from "vitest";
import { computeApplicationClock, derivePauseIntervals, type TimelineEntry } from "../../src/applications/application-clock";
import type { ApplicationStatus } from "../../src/applications/application-status";
import { createCalendar } from "../../src/calendar";
import { sh } from "../calendar/fixtures";

const calendar = createCalendar();
const limit = { value: 10, unit: "工作日" } as const;
const entry = (status: ApplicationStatus, at: string): TimelineEntry => ({ status, at: sh(at) });

// A realistic file: 补正 before 受理, then 专家评审 across National Day, then a second 补正.
const timeline: TimelineEntry[] = [
  entry("submitted", "2025-09-24 16:00"),
  entry("supplement_required", "2025-09-25 10:00"),
  entry("supplement_submitted", "2025-09-26 09:00"),
  entry("accepted", "2025-09-26 11:00"),
  entry("under_review", "2025-09-28 09:00"),
  entry("special_procedure", "2025-09-30 14:00"),
  entry("under_review", "2025-10-10 10:00"),
  entry("supplement_required", "2025-10-13 10:00"),
  entry("supplement_submitted", "2025-10-15 16:00"),
  entry("under_review", "2025-10-16 09:00"),
];

describe("pause intervals from a timeline", () => {
  it("opens on 补正/特别程序/挂起 and closes on the next other status", () => {
    expect(derivePauseIntervals(timeline)).toEqual([
      { from: sh("2025-09-25 10:00"), to: sh("2025-09-26 09:00") },
      { from: sh("2025-09-30 14:00"), to: sh("2025-10-10 10:00") },
      { from: sh("2025-10-13 10:00"), to: sh("2025-10-15 16:00") },
    ]);
  });

  it("leaves the last pause open while still paused and sorts by time", () => {
    const shuffled = [timeline[5]!, timeline[0]!, timeline[3]!, timeline[4]!];
    expect(derivePauseIntervals(shuffled)).toEqual([{ from: sh("2025-09-30 14:00") }]);
  });

  it("merges back-to-back pausing statuses into one pause", () => {
    const t = [
      entry("under_review", "2025-11-03 09:00"),
      entry("supplement_required", "2025-11-03 10:00"),
      entry("suspended", "2025-11-04 10:00"),
      entry("under_review", "2025-11-05 10:00"),
    ];
    expect(derivePauseIntervals(t)).toEqual([{ from: sh("2025-11-03 10:00"), to: sh("2025-11-05 10:00") }]);
  });
});

describe("an application's clock", () => {
  it("has not started before 受理", () => {
    expect(computeApplicationClock({ calendar, timeline: timeline.slice(0, 3), limit, now: sh("2025-09-26 10:00") })).toEqual({
      started: false,
    });
  });

  it("starts at 受理 and skips paused working days (pre-acceptance 补正 does not count)", () => {
    const c = computeApplicationClock({ calendar, timeline, limit, now: sh("2025-10-20 12:00") });
    expect(c).toMatchObject({
      started: true,
      startedAt: sh("2025-09-26 11:00"),
      dueDay: "2025-10-24",
      daysUsed: 6,
      pausedDays: 6,
      daysLeft: 4,
      paused: false,
      overdue: false,
    });
  });

  it("is paused during the special procedure", () => {
    const c = computeApplicationClock({ calendar, timeline: timeline.slice(0, 6), limit, now: sh("2025-10-09 12:00") });
    expect(c).toMatchObject({ started: true, paused: true, overdue: false, daysUsed: 2 });
  });

  it("stops at the decision and reports whether it was late", () => {
    const decided = [...timeline, entry("decided", "2025-10-27 10:00"), entry("delivered", "2025-10-28 10:00")];
    const c = computeApplicationClock({ calendar, timeline: decided, limit, now: sh("2025-12-01 12:00") });
    expect(c).toMatchObject({ started: true, stoppedAt: sh("2025-10-27 10:00"), overdue: true, daysUsed: 11, daysLeft: -1 });
    const onTime = [...timeline, entry("decided", "2025-10-24 17:00")];
    expect(computeApplicationClock({ calendar, timeline: onTime, limit, now: sh("2025-12-01 12:00") })).toMatchObject({
      overdue: false,
      daysLeft: 0,
    });
  });
});
