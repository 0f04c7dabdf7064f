import { describe, expect, it } from "vitest";
import { formatShanghai, formatShanghaiDate, parseInstant } from "../../src/platform/shanghai-time";
import { formatShanghai as calendarFormat } from "../../src/calendar";

describe("the one Shanghai time formatter for messages", () => {
  it("shows an instant in Shanghai time across the date line and the year end", () => {
    expect(formatShanghai(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01 00:30");
    expect(formatShanghaiDate(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
    expect(formatShanghai(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31 23:59");
    expect(formatShanghai(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00");
    // A leap day and the reply of issue 16 (sent at 10:00 Shanghai, announced as 18:00).
    expect(formatShanghai(new Date("2028-02-28T16:00:00Z"))).toBe("2028-02-29 00:00");
    expect(formatShanghai(new Date("2026-11-25T02:00:00Z"))).toBe("2026-11-25 10:00");
  });

  it("is the calendar's formatter too (one function, one place)", () => {
    expect(calendarFormat).toBe(formatShanghai);
  });

  it("refuses an invalid date instead of printing NaN", () => {
    expect(() => formatShanghai(new Date("nope"))).toThrow(/时间无效/);
  });

  it("reads only zoned ISO instants back from stored payloads", () => {
    expect(parseInstant("2026-12-31T16:30:00.000Z")?.toISOString()).toBe("2026-12-31T16:30:00.000Z");
    expect(parseInstant("2027-01-01T00:30:00+08:00")?.toISOString()).toBe("2026-12-31T16:30:00.000Z");
    expect(parseInstant("2027-01-01 00:30")).toBeUndefined();
    expect(parseInstant("2027-01-01")).toBeUndefined();
    expect(parseInstant("2027-13-01T00:00:00Z")).toBeUndefined();
  });
});
