import { isWorkday as libraryIsWorkday } from "chinese-days";
import { describe, expect, it } from "vitest";
import { addDays, createCalendar } from "../../src/calendar";

// We read chinese-days' data file instead of calling its functions (whose Date handling
// depends on the process time zone). This guards that the two never drift apart.
describe("chinese-days data file", () => {
  it("agrees with the package's own isWorkday on every day 2004–2026", () => {
    const cal = createCalendar();
    const disagreements: string[] = [];
    for (let d = "2004-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
      if (cal.isWorkday(d) !== libraryIsWorkday(d)) disagreements.push(d);
    }
    expect(disagreements).toEqual([]);
  });
});
