import { describe, expect, it } from "vitest";
import { computeClock, createCalendar, unconfirmedYearWarnings, type TimeLimit } from "../../src/calendar";
import { DEFAULT_COMPLAINT_POLICY as policy, complaintDeadlines } from "../../src/complaints/deadlines";
import { sh, staff2027 } from "./fixtures";

/**
 * The year rollover (issue 16, defect 14): 2027 is not confirmed until staff enter it. What
 * lies within confirmed years must still be computable when "now" is in 2027 or when a later
 * date (an escalation) falls into 2027; and staff are warned 60 days ahead.
 */
const calendar = createCalendar();
const fiveWorkdays: TimeLimit = { value: 5, unit: "工作日" };

describe("a clock due within confirmed years, read in an unconfirmed one", () => {
  // Accepted Thu 24 Dec 2026: 25 1, 28 2, 29 3, 30 4, 31 5 → due Thu 31 Dec 2026.
  const start = sh("2026-12-24 10:00");

  it("keeps its due day and is overdue on 2 January 2027, counting days only through 2026", () => {
    const c = computeClock({ calendar, start, limit: fiveWorkdays, now: sh("2027-01-02 10:00") });
    expect(c).toMatchObject({ dueDay: "2026-12-31", overdue: true, daysUsed: 5, daysLeft: 0 });
    expect(c.countedThrough).toEqual({ day: "2026-12-31", unconfirmedYear: 2027 });
  });

  it("counts the whole way once 2027 is confirmed (no partial count)", () => {
    const c = computeClock({ calendar: createCalendar({ extraYears: [staff2027] }), start, limit: fiveWorkdays, now: sh("2027-01-05 10:00") });
    // 2027-01-01…03 off: 01-04 6, 01-05 7.
    expect(c).toMatchObject({ dueDay: "2026-12-31", overdue: true, daysUsed: 7, daysLeft: -2 });
    expect(c.countedThrough).toBeUndefined();
  });

  it("still refuses a due day that itself falls in 2027", () => {
    expect(() => computeClock({ calendar, start: sh("2026-12-28 10:00"), limit: fiveWorkdays, now: sh("2027-01-02 10:00") })).toThrow(/2027年/);
  });
});

describe("complaint deadlines whose escalation falls in an unconfirmed year", () => {
  it("computes the reply deadline from 23 December 2026 and leaves the escalation pending", () => {
    // Wed 23 Dec: 24 1, 25 2, 28 3, 29 4, 30 5 → reply due 30 Dec; escalation 2 working days later needs 2027.
    const d = complaintDeadlines({ dispatchedAt: sh("2026-12-23 10:00"), urgent: false }, policy, calendar);
    expect(d.replyDueAt).toEqual(new Date("2026-12-30T15:59:59.999Z"));
    expect(d.reminderAt).toEqual(sh("2026-12-29 09:00"));
    expect(d.escalationAt).toBeNull();
    const confirmed = complaintDeadlines({ dispatchedAt: sh("2026-12-23 10:00"), urgent: false }, policy, createCalendar({ extraYears: [staff2027] }));
    // 31 Dec 1, (1–3 Jan off) 4 Jan 2 → escalation just after 4 Jan 2027.
    expect(confirmed.escalationAt).toEqual(new Date(new Date("2027-01-04T15:59:59.999Z").getTime() + 1));
  });
});

describe("warning ahead of an unconfirmed year", () => {
  it("says nothing more than 60 days before 1 January", () => {
    expect(unconfirmedYearWarnings(calendar, sh("2026-11-01 12:00"))).toEqual([]);
  });

  it("warns from 60 days before the year starts, naming the year and what stops working", () => {
    const [w, ...rest] = unconfirmedYearWarnings(calendar, sh("2026-11-15 12:00"));
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ code: "holiday_year_unconfirmed", year: 2027, startsOn: "2027-01-01", daysUntilStart: 47, started: false });
    expect(w!.message).toMatch(/2027年.*尚未录入/);
    expect(w!.affects.join("\n")).toMatch(/办件/);
    expect(w!.affects.join("\n")).toMatch(/投诉/);
    expect(unconfirmedYearWarnings(calendar, sh("2026-11-02 00:00"))[0]?.daysUntilStart).toBe(60);
  });

  it("keeps warning once the year has started, and stops when it is entered", () => {
    expect(unconfirmedYearWarnings(calendar, sh("2027-01-02 10:00"))).toEqual([
      expect.objectContaining({ year: 2027, started: true, daysUntilStart: -1 }),
    ]);
    expect(unconfirmedYearWarnings(createCalendar({ extraYears: [staff2027] }), sh("2026-12-23 10:00"))).toEqual([]);
  });
});
