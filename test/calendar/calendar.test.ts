import { describe, expect, it } from "vitest";
import { addHours, createCalendar, endOfShanghaiDay, shanghaiDayOf, startOfShanghaiDay } from "../../src/calendar";
import { AppError } from "../../src/platform/errors";
import { staff2027 } from "./fixtures";

const cal = createCalendar();

describe("which years chinese-days knows", () => {
  it("confirms exactly 2004–2026 out of the box", () => {
    expect(cal.confirmedYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.isConfirmedYear(2026)).toBe(true);
    expect(cal.isConfirmedYear(2027)).toBe(false);
  });

  it("has the 2026 arrangement: make-up workdays and holidays", () => {
    expect(cal.isWorkday("2026-02-14")).toBe(true); // Saturday, 春节调休上班
    expect(cal.isWorkday("2026-10-10")).toBe(true); // Saturday, 国庆调休上班
    expect(cal.isWorkday("2026-02-16")).toBe(false); // Monday, 春节
    expect(cal.isWorkday("2026-10-01")).toBe(false);
  });

  it("treats ordinary weekends as days off and ordinary weekdays as workdays", () => {
    expect(cal.isWorkday("2025-11-08")).toBe(false); // Saturday
    expect(cal.isWorkday("2025-11-10")).toBe(true); // Monday
  });
});

describe("addWorkdays counts from the day after (期限开始的当日不计算在内)", () => {
  it("does not count the start day, working day or not", () => {
    expect(cal.addWorkdays("2025-11-03", 1)).toBe("2025-11-04");
    expect(cal.addWorkdays("2025-11-08", 1)).toBe("2025-11-10"); // started on a Saturday
    expect(cal.addWorkdays("2025-11-03", 0)).toBe("2025-11-03");
  });

  it("skips National Day 2025 (10-01..10-08) and counts the make-up Sunday 09-28 and Saturday 10-11", () => {
    expect(cal.addWorkdays("2025-09-26", 1)).toBe("2025-09-28");
    expect(cal.addWorkdays("2025-09-26", 4)).toBe("2025-10-09");
    expect(cal.addWorkdays("2025-09-30", 1)).toBe("2025-10-09");
    expect(cal.addWorkdays("2025-09-30", 3)).toBe("2025-10-11");
    expect(cal.addWorkdays("2025-09-30", 4)).toBe("2025-10-13");
    expect(cal.addWorkdays("2025-09-26", 20)).toBe("2025-10-30");
  });

  it("skips Spring Festival 2026 (02-15..02-23) and counts make-up Saturdays 02-14 and 02-28", () => {
    expect(cal.addWorkdays("2026-02-12", 2)).toBe("2026-02-14");
    expect(cal.addWorkdays("2026-02-12", 3)).toBe("2026-02-24");
    expect(cal.addWorkdays("2026-02-24", 4)).toBe("2026-02-28");
  });

  it("crosses the year end into 2026's New Year holiday and its make-up Sunday 01-04", () => {
    expect(cal.addWorkdays("2025-12-30", 1)).toBe("2025-12-31");
    expect(cal.addWorkdays("2025-12-30", 2)).toBe("2026-01-04");
    expect(cal.addWorkdays("2025-12-30", 3)).toBe("2026-01-05");
  });

  it("goes backwards for negative n (reminders 'one working day before')", () => {
    expect(cal.addWorkdays("2025-10-09", -1)).toBe("2025-09-30");
    expect(cal.addWorkdays("2025-09-29", -1)).toBe("2025-09-28");
  });

  it("rejects a fractional count and a malformed day", () => {
    expect(() => cal.addWorkdays("2025-10-09", 1.5)).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => cal.addWorkdays("2025-02-30", 1)).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => cal.isWorkday("2025/10/09")).toThrow(AppError);
  });
});

describe("workdaysBetween", () => {
  it("counts working days in (a, b], inverse of addWorkdays", () => {
    expect(cal.workdaysBetween("2025-09-30", "2025-10-13")).toBe(4);
    expect(cal.workdaysBetween("2025-10-13", "2025-09-30")).toBe(-4);
    expect(cal.workdaysBetween("2025-10-01", "2025-10-08")).toBe(0);
    for (const n of [0, 1, 5, 20, 60]) {
      expect(cal.workdaysBetween("2026-01-20", cal.addWorkdays("2026-01-20", n))).toBe(n);
    }
  });
});

describe("natural-day limits", () => {
  it("counts calendar days from the next day", () => {
    expect(cal.addNaturalDays("2025-09-20", 10)).toBe("2025-09-30");
  });

  it("moves a period ending on a day off to the next working day (民法典第203条)", () => {
    expect(cal.addNaturalDays("2025-09-25", 7)).toBe("2025-10-09"); // would end on 10-02
    expect(cal.addNaturalDays("2025-09-20", 7)).toBe("2025-09-28"); // Sat 09-27 → make-up Sunday
  });
});

describe("unconfirmed years", () => {
  it("refuses 2027 with the year in the message and details, instead of guessing", () => {
    const call = () => cal.addWorkdays("2026-12-30", 3);
    expect(call).toThrow(/2027年节假日安排尚未确认/);
    try {
      call();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("unprocessable");
      expect((e as AppError).details).toEqual({ year: 2027 });
    }
    expect(() => cal.isWorkday("2027-10-01")).toThrow(/2027年/);
    expect(() => cal.isWorkday("2003-10-01")).toThrow(/2003年/);
  });

  it("still computes a deadline that ends before the unknown year", () => {
    expect(cal.addWorkdays("2026-12-29", 2)).toBe("2026-12-31");
  });

  it("accepts 2027 once staff add its arrangement", () => {
    const withStaff = createCalendar({ extraYears: [staff2027] });
    expect(withStaff.isConfirmedYear(2027)).toBe(true);
    expect(withStaff.addWorkdays("2026-12-30", 3)).toBe("2027-01-05");
    expect(withStaff.isWorkday("2027-10-01")).toBe(false);
    expect(withStaff.isWorkday("2027-10-09")).toBe(true);
    expect(withStaff.addWorkdays("2027-09-24", 1)).toBe("2027-09-26");
    expect(() => withStaff.isWorkday("2028-01-03")).toThrow(/2028年/);
  });

  it("lays staff entries over a year chinese-days knows, keeping the rest", () => {
    const corrected = createCalendar({ extraYears: [{ year: 2026, holidays: ["2026-12-31"], workdays: [] }] });
    expect(corrected.isWorkday("2026-12-31")).toBe(false);
    expect(corrected.isWorkday("2026-10-01")).toBe(false);
    expect(corrected.isWorkday("2026-02-14")).toBe(true);
  });
});

describe("Shanghai days and instants", () => {
  it("puts a UTC evening instant on the next Shanghai day", () => {
    expect(shanghaiDayOf(new Date("2025-09-30T23:30:00Z"))).toBe("2025-10-01");
    expect(shanghaiDayOf(new Date("2025-09-30T15:59:59Z"))).toBe("2025-09-30");
    expect(shanghaiDayOf(new Date("2025-09-30T16:00:00Z"))).toBe("2025-10-01");
  });

  it("ends a due day at 23:59:59.999 Shanghai", () => {
    expect(endOfShanghaiDay("2025-10-09").toISOString()).toBe("2025-10-09T15:59:59.999Z");
    expect(cal.endOfDay("2025-10-09")).toEqual(endOfShanghaiDay("2025-10-09"));
    expect(startOfShanghaiDay("2025-10-09").toISOString()).toBe("2025-10-08T16:00:00.000Z");
  });

  it("gives hours-based deadlines in natural hours, through holidays", () => {
    expect(addHours(new Date("2025-09-30T10:00:00Z"), 24).toISOString()).toBe("2025-10-01T10:00:00.000Z");
    expect(() => addHours(new Date("2025-09-30T10:00:00Z"), -1)).toThrow(AppError);
  });
});
