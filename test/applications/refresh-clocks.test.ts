import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff2027 } from "../calendar/fixtures";
import { testDbKinds } from "../support/db";
import { countQueries, sh, startHarness, type Harness } from "./harness";

/**
 * A confirmed holiday year recomputes the stored clock columns of every running application
 * (the calendar's change event, applications' listener) before the staff request returns —
 * in a fixed number of statements, not one query per open application.
 */
describe.each(testDbKinds())("a holiday year recomputes running deadlines in batches (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db);
  }, 60_000);
  afterAll(() => h?.stop());

  async function acceptMany(n: number, at: Date): Promise<string[]> {
    const numbers: string[] = [];
    for (let i = 0; i < n; i++) {
      h.clock.now = new Date(at.getTime() - 3_600_000);
      const { number } = await h.create("W6");
      const moved = await h.move(number, "accepted", at);
      expect(moved.body.clock.problem).toContain("节假日安排尚未确认");
      numbers.push(number);
    }
    return numbers;
  }
  const rows = (numbers: string[]) => h.service.ctx.db.prisma.application.findMany({ where: { number: { in: numbers } } });
  const addYear = (arrangement: unknown) => countQueries(h, () => h.admin("POST", "/api/v1/admin/holiday-years", arrangement));

  it("unblocks 2 applications, then 5, with the same number of queries", async () => {
    // W6 = 6 working days. From 2026-12-24: 12-25 1 … 12-31 5, (1-1…1-3 off) 1-4 6.
    const first = await acceptMany(2, sh("2026-12-24 10:00"));
    const y2027 = await addYear(staff2027);
    expect(y2027.result.status).toBe(201);
    for (const row of await rows(first)) {
      expect(row.clockProblem).toBeNull();
      expect(row.dueAt?.toISOString()).toBe("2027-01-04T15:59:59.999Z");
      expect(row.warnAt).not.toBeNull();
    }

    // From 2027-12-28: 12-29 1, 12-30 2, 12-31 3, (1-1…1-3 off) 1-4 4, 1-5 5, 1-6 6.
    const second = await acceptMany(5, sh("2027-12-28 10:00"));
    const before = await rows(first);
    const y2028 = await addYear({ year: 2028, holidays: ["2028-01-01", "2028-01-02", "2028-01-03"], workdays: [], source: "test fixture" });
    expect(y2028.result.status).toBe(201);
    for (const row of await rows(second)) {
      expect(row.clockProblem).toBeNull();
      expect(row.dueAt?.toISOString()).toBe("2028-01-06T15:59:59.999Z");
    }
    // The earlier ones did not move: recomputed, not rewritten.
    expect(await rows(first)).toEqual(before);
    expect(y2028.queries).toBe(y2027.queries);

    const detail = await h.admin("GET", `/api/v1/admin/applications/${second[0]}`);
    expect(detail.body.clock).toMatchObject({ problem: null, dueDate: "2028-01-06" });
  });
});
