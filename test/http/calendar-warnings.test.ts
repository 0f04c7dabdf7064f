import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service";

/**
 * 60 days before a year starts whose holiday arrangement nobody entered, the service says so
 * where operators look: /readyz (a warning, still 200), the start log, and /metrics.
 */
describe("warning that next year's holiday arrangement is not entered", () => {
  let svc: TestService;
  let now = new Date("2026-11-15T02:00:00Z"); // 10:00 Shanghai, 47 days before 2027
  beforeAll(async () => {
    svc = await startTestService({ now: () => now });
  }, 60_000);
  afterAll(async () => svc?.stop());

  const readyz = async () => {
    const res = await fetch(`${svc.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; warnings: { code: string; year: number; daysUntilStart: number; started: boolean; message: string; affects: string[] }[] } };
  };
  const gauge = async () =>
    (await (await fetch(`${svc.url}/metrics`)).text()).split("\n").filter((l) => l.startsWith("calendar_unconfirmed_holiday_year"));

  it("says it once at start, as a warning", () => {
    const lines = svc.logs.filter((l) => l.level === 40 && String(l.msg).includes("2027年"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ year: 2027, daysUntilStart: 47 });
  });

  it("is a warning on /readyz, which stays 200", async () => {
    const r = await readyz();
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("ready");
    expect(r.body.warnings).toEqual([expect.objectContaining({ code: "holiday_year_unconfirmed", year: 2027, daysUntilStart: 47, started: false })]);
    expect(r.body.warnings[0]!.affects.length).toBeGreaterThan(0);
  });

  it("is a gauge on /metrics: days until the unconfirmed year starts", async () => {
    expect(await gauge()).toEqual(expect.arrayContaining(['calendar_unconfirmed_holiday_year_days_until_start{year="2027"} 47', "calendar_unconfirmed_holiday_years 1"]));
  });

  it("is silent more than 60 days ahead, and warns again once the year has started", async () => {
    now = new Date("2026-10-15T02:00:00Z");
    expect((await readyz()).body.warnings).toEqual([]);
    expect(await gauge()).toEqual(["calendar_unconfirmed_holiday_years 0"]);

    now = new Date("2027-01-02T02:00:00Z");
    const r = await readyz();
    expect(r.status).toBe(200);
    expect(r.body.warnings).toEqual([expect.objectContaining({ year: 2027, started: true, daysUntilStart: -1 })]);
    expect(await gauge()).toEqual(expect.arrayContaining(['calendar_unconfirmed_holiday_year_days_until_start{year="2027"} -1']));
  });
});
