import { describe, expect, it } from "vitest";
import { createCalendar, parseYearArrangements } from "../../src/calendar";
import { AppError } from "../../src/platform/errors";
import { staff2027 } from "./fixtures";

function refusal(input: unknown): AppError {
  try {
    parseYearArrangements(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the arrangement to be refused");
}

describe("staff-entered holiday arrangements", () => {
  it("accepts a well-formed year", () => {
    expect(parseYearArrangements([staff2027])).toEqual([staff2027]);
  });

  it("refuses a date that belongs to another year", () => {
    const e = refusal([{ ...staff2027, holidays: [...staff2027.holidays, "2026-12-31"] }]);
    expect(e.code).toBe("bad_request");
    expect(e.message).toContain("2026-12-31 不属于 2027 年");
  });

  it("refuses a day that is both a holiday and a workday", () => {
    const e = refusal([{ ...staff2027, workdays: [...staff2027.workdays, "2027-10-02"] }]);
    expect(e.message).toContain("2027-10-02 不能既是放假日又是上班日");
  });

  it("refuses a make-up workday that is not a Saturday or Sunday (a typo)", () => {
    const e = refusal([{ ...staff2027, workdays: ["2027-09-27"] }]);
    expect(e.message).toContain("2027-09-27 是周一至周五");
  });

  it("refuses impossible dates, empty holiday lists, non-integer years and duplicates", () => {
    expect(refusal([{ ...staff2027, holidays: ["2027-02-30"] }]).message).toContain("holidays.0");
    expect(refusal([{ ...staff2027, holidays: [] }]).code).toBe("bad_request");
    expect(refusal([{ ...staff2027, year: 2027.5 }]).code).toBe("bad_request");
    expect(refusal([staff2027, staff2027]).message).toContain("2027年的节假日安排重复录入");
    expect(refusal("2027").code).toBe("bad_request");
  });

  it("lists every problem in the error details", () => {
    const e = refusal([{ year: 2027, holidays: ["2026-01-01", "2027-13-01"], workdays: ["2027-10-01"] }]);
    expect((e.details?.issues as unknown[]).length).toBe(3);
    // One message: each problem as "<path> <what is wrong>", separated as templates/calendar/zh.yaml says.
    expect(e.message).toBe("节假日安排数据无效：0.holidays.1 应为有效日期 YYYY-MM-DD；0.holidays.0 2026-01-01 不属于 2027 年；0.workdays.0 2027-10-01 是周一至周五，不是调休上班日");
  });

  it("makes createCalendar refuse bad staff data rather than start with it", () => {
    expect(() => createCalendar({ extraYears: [{ ...staff2027, workdays: ["2027-01-01"] }] })).toThrow(AppError);
  });
});
