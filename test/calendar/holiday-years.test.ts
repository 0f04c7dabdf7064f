import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHolidayYear, correctHolidayYear, holidayCalendar, HOLIDAY_YEARS_CHANNEL, listHolidayYears } from "../../src/calendar";
import { createLogger } from "../../src/platform/logger";
import { MemoryStore } from "../../src/platform/store";
import { createTestDb, testDbKinds, type TestDb } from "../support/db";
import { staff2027 } from "./fixtures";

/**
 * The calendar owns the staff-confirmed holiday years: adding one stores it, tells the other
 * instances, and runs this instance's change listeners with the new year already visible —
 * that is where the capabilities that store deadlines recompute them.
 */
describe.each(testDbKinds())("holiday years (%s)", (kind) => {
  let db: TestDb;
  let store: MemoryStore;
  let ctx: { db: TestDb; store: MemoryStore; logger: ReturnType<typeof createLogger> };
  beforeAll(async () => {
    db = await createTestDb(kind);
    store = new MemoryStore();
    ctx = { db, store, logger: createLogger({ level: "silent", format: "json" }) };
  });
  afterAll(async () => {
    await store?.close();
    await db?.close();
  });

  it("adds a year: listeners see it in the calendar, other instances are told, a second entry is a conflict", async () => {
    const source = holidayCalendar(ctx);
    expect((await source.get()).isConfirmedYear(2027)).toBe(false);
    const announced: string[] = [];
    await store.subscribe(HOLIDAY_YEARS_CHANNEL, (m) => void announced.push(m));
    const seen: { year: number; confirmed: boolean; workday: boolean }[] = [];
    const off = source.onChange(async ({ year }) => {
      const calendar = await source.get();
      seen.push({ year, confirmed: calendar.isConfirmedYear(year), workday: calendar.isWorkday("2027-10-09") });
    });

    const row = await addHolidayYear(ctx, { arrangement: staff2027, createdBy: "张科长" });
    expect(row).toMatchObject({ year: 2027, createdBy: "张科长", workdays: ["2027-09-26", "2027-10-09"] });
    // 2027-10-09 is a Saturday made a working day by the arrangement.
    expect(seen).toEqual([{ year: 2027, confirmed: true, workday: true }]);
    await new Promise((r) => setTimeout(r, 10));
    expect(announced).toEqual(["2027"]);

    await expect(addHolidayYear(ctx, { arrangement: staff2027, createdBy: "张科长" })).rejects.toMatchObject({ code: "conflict", publicCode: "year_already_entered" });
    expect(seen).toHaveLength(1);
    expect((await listHolidayYears(ctx)).map((y) => y.year)).toEqual([2027]);

    off();
    await addHolidayYear(ctx, { arrangement: { ...staff2027, year: 2028, holidays: ["2028-01-01"], workdays: [] }, createdBy: "张科长" });
    expect(seen).toHaveLength(1);
    expect((await source.get()).isConfirmedYear(2028)).toBe(true);
  });

  it("corrects an entered year: replaced whole, listeners see the corrected calendar, other instances are told", async () => {
    const source = holidayCalendar(ctx);
    await new Promise((r) => setTimeout(r, 10)); // announcements of the test before are delivered
    const announced: string[] = [];
    const unsubscribe = await store.subscribe(HOLIDAY_YEARS_CHANNEL, (m) => void announced.push(m));
    const seen: boolean[] = [];
    const off = source.onChange(async () => void seen.push((await source.get()).isWorkday("2027-10-09")));
    // The amended notice drops the Saturday make-up day.
    const row = await correctHolidayYear(ctx, { year: 2027, arrangement: { ...staff2027, workdays: ["2027-09-26"] }, correctedBy: "李处长" });
    expect(row).toMatchObject({ year: 2027, workdays: ["2027-09-26"], createdBy: "张科长" });
    expect(seen).toEqual([false]);
    await new Promise((r) => setTimeout(r, 10));
    expect(announced).toEqual(["2027"]);
    await expect(correctHolidayYear(ctx, { year: 2030, arrangement: { year: 2030, holidays: ["2030-01-01"], workdays: [] }, correctedBy: "x" })).rejects.toMatchObject({ code: "not_found", publicCode: "year_not_entered" });
    await expect(correctHolidayYear(ctx, { year: 2027, arrangement: { year: 2028, holidays: ["2028-01-01"], workdays: [] }, correctedBy: "x" })).rejects.toMatchObject({ code: "bad_request" });
    expect(seen).toHaveLength(1);
    off();
    await unsubscribe();
  });

  it("refuses an invalid arrangement whole, storing nothing and telling nobody", async () => {
    const source = holidayCalendar(ctx);
    let calls = 0;
    const off = source.onChange(async () => void calls++);
    await expect(addHolidayYear(ctx, { arrangement: { year: 2029, holidays: ["2028-12-31"], workdays: [] }, createdBy: "x" })).rejects.toMatchObject({ code: "bad_request" });
    off();
    expect(calls).toBe(0);
    expect((await listHolidayYears(ctx)).map((y) => y.year)).not.toContain(2029);
  });
});
