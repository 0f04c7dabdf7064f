import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSupervision } from "../../src/applications";
import { refreshRunningClocks } from "../../src/applications/refresh-running-clocks";
import { staff2027 } from "../calendar/fixtures";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

/**
 * The batch jobs page through applications, and each batch changes the rows it handled so that
 * they leave the job's own filter; a staff list's last row can leave it between two pages too.
 * Paging must go on from the last row's key, not from Prisma's cursor on that row with skip 1:
 * once the row is out of the filter, skip 1 passes over a row that should have been handled.
 */
describe.each(testDbKinds())("batch jobs page past rows they have just handled (%s)", (db) => {
  describe("electronic supervision", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(db, sh("2025-11-03 08:00"));
    }, 60_000);
    afterAll(() => h?.stop());

    it("flags every application past due in one run, batch after batch", async () => {
      const numbers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { number } = await h.create("W5");
        expect((await h.move(number, "accepted", sh("2025-11-03 09:00"))).status).toBe(200);
        numbers.push(number);
      }
      h.clock.now = sh("2025-12-01 09:00");
      // Pages of 2: each flagged row (warned and overdue) is out of the filter when the next page is read.
      expect(await runSupervision(h.deps, 2)).toMatchObject({ checked: 5, warned: 5, overdue: 5 });
      const flagged = await h.service.ctx.db.prisma.application.count({ where: { number: { in: numbers }, overdueAt: { not: null } } });
      expect(flagged).toBe(5);
    });

    it("the staff list's next page starts after the previous page's last row even when that row has left the filter", async () => {
      h.clock.now = sh("2025-12-02 09:00");
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { number } = await h.create("W6");
        expect((await h.move(number, "accepted", sh("2025-12-02 10:00"))).status).toBe(200);
        numbers.push(number);
      }
      const list = (after?: string) => h.admin("GET", `/api/v1/admin/applications?status=accepted&itemCode=W6&limit=2${after ? `&after=${after}` : ""}`);
      const first = await list();
      expect(first.body.items.map((a: { number: string }) => a.number)).toEqual([numbers[2], numbers[1]]);
      // The last row listed is decided before the clerk turns the page.
      expect((await h.move(numbers[1]!, "decided", sh("2025-12-03 10:00"), { outcome: "approved", resultText: "准予许可" })).status).toBe(200);
      const second = await list(first.body.next);
      expect(second.status).toBe(200);
      expect(second.body.items.map((a: { number: string }) => a.number)).toEqual([numbers[0]]);
      expect(second.body.next).toBeNull();
    });
  });

  describe("recomputing clocks after a holiday year is entered", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(db, sh("2026-12-28 09:00"));
    }, 60_000);
    afterAll(() => h?.stop());

    it("clears every stopped clock's problem in one run, batch after batch", async () => {
      const numbers: string[] = [];
      for (let i = 0; i < 5; i++) {
        h.clock.now = sh("2026-12-28 09:00");
        const { number } = await h.create("W5");
        expect((await h.move(number, "accepted", sh("2026-12-28 10:00"))).status).toBe(200);
        expect((await h.move(number, "decided", sh("2026-12-30 10:00"), { outcome: "approved", resultText: "准予许可" })).status).toBe(200);
        numbers.push(number);
      }
      expect((await h.admin("POST", "/api/v1/admin/holiday-years", staff2027)).status).toBe(201);
      // The year is known; the rows still carry the problem recorded before it (as if the listener had not run).
      const prisma = h.service.ctx.db.prisma;
      await prisma.application.updateMany({ where: { number: { in: numbers } }, data: { clockProblem: "2027年节假日安排尚未确认" } });
      // Pages of 2: a stopped row whose problem is cleared is out of the filter when the next page is read.
      expect(await refreshRunningClocks(h.deps, 2)).toBe(5);
      expect(await prisma.application.count({ where: { number: { in: numbers }, clockProblem: { not: null } } })).toBe(0);
    });
  });
});
