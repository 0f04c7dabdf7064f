import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSupervision } from "../../src/applications";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

describe.each(testDbKinds())("electronic supervision (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 08:00"));
  }, 60_000);
  afterAll(() => h?.stop());

  it("flags 预警 at 80% and 超期 past due once each, even run twice and concurrently", async () => {
    const { number } = await h.create("W5");
    const other = await h.create("W6");
    await h.move(number, "accepted", sh("2025-11-03 09:00"));
    await h.move(other.number, "accepted", sh("2025-11-03 09:00"));
    // W5: 11-4 1, 11-5 2, 11-6 3, 11-7 4 (= 80%), 11-10 5 → due 2025-11-10.
    h.clock.now = sh("2025-11-06 18:00");
    expect(await runSupervision(h.deps)).toMatchObject({ warned: 0, overdue: 0 });

    h.clock.now = sh("2025-11-07 08:00");
    expect(await runSupervision(h.deps)).toMatchObject({ warned: 1, overdue: 0 });
    expect(await runSupervision(h.deps)).toMatchObject({ warned: 0, overdue: 0 });

    h.clock.now = sh("2025-11-11 09:00");
    // Two instances at once: the unique (application, kind) key lets only one flag it.
    const runs = await Promise.all([runSupervision(h.deps), runSupervision(h.deps), runSupervision(h.deps)]);
    expect(runs.reduce((n, r) => n + r.overdue, 0)).toBe(1);
    // W6 (6 days: … 11-10 5, 11-11 6) is at 100% but not past due: warned once, not overdue.
    expect(runs.reduce((n, r) => n + r.warned, 0)).toBe(1);
    expect((await runSupervision(h.deps)).overdue).toBe(0);

    const alerts = await h.admin("GET", "/api/v1/admin/supervision/alerts");
    expect(alerts.body.items.filter((a: { number: string }) => a.number === number).map((a: { kind: string }) => a.kind).sort()).toEqual(["overdue", "warning"]);
    const counts = await h.admin("GET", "/api/v1/admin/supervision/counts");
    expect(counts.body.departments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ department: "省自然资源厅", warning: 1, overdue: 1 }),
        expect.objectContaining({ department: "省市场监管局", warning: 1, overdue: 0 }),
      ]),
    );
    const flagged = await h.admin("GET", "/api/v1/admin/applications?supervision=overdue");
    expect(flagged.body.items.map((a: { number: string }) => a.number)).toEqual([number]);
    expect(h.service.logText()).toContain("电子监察超期");
  });

  it("does not flag an application whose clock is paused or stopped", async () => {
    h.clock.now = sh("2025-11-03 08:00");
    const paused = await h.create("W5");
    const decided = await h.create("W5");
    await h.move(paused.number, "accepted", sh("2025-11-03 09:00"));
    await h.move(decided.number, "accepted", sh("2025-11-03 09:00"));
    await h.move(paused.number, "supplement_required", sh("2025-11-04 09:00"), { materials: ["身份证复印件"] });
    await h.move(decided.number, "decided", sh("2025-11-04 09:00"), { outcome: "approved", resultText: "准予许可" });
    h.clock.now = sh("2025-12-01 09:00");
    await runSupervision(h.deps);
    const rows = await h.service.ctx.db.prisma.supervisionAlert.count({ where: { application: { number: { in: [paused.number, decided.number] } } } });
    expect(rows).toBe(0);
  });
});
