import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSupervision } from "../../src/applications";
import { staff2027 } from "../calendar/fixtures";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

/**
 * From 1 January 2027 until staff enter 2027's holiday arrangement: an application due within
 * 2026 stays computable, overdue and visible; stored due and warning times are not cleared
 * because a later year is unknown; and the staff supervision views say what is missing.
 */
describe.each(testDbKinds())("applications across the year rollover (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db, sh("2026-12-24 09:00"));
  }, 60_000);
  afterAll(() => h?.stop());

  const row = (number: string) => h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { number } });

  it("flags an application due on 31 December as overdue on 2 January and keeps its due date", async () => {
    const { number } = await h.create("W5");
    // W5 from Thu 24 Dec: 25 1, 28 2, 29 3, 30 4, 31 5 → due Thu 31 Dec 2026.
    await h.move(number, "accepted", sh("2026-12-24 10:00"));
    const stored = await row(number);
    expect(stored.dueAt?.toISOString()).toBe("2026-12-31T15:59:59.999Z");
    expect(stored.warnAt).not.toBeNull();

    h.clock.now = sh("2027-01-02 10:00");
    const run = await runSupervision(h.deps);
    expect(run.overdue).toBe(1);
    const after = await row(number);
    expect(after.dueAt?.toISOString()).toBe("2026-12-31T15:59:59.999Z");
    expect(after.warnAt?.getTime()).toBe(stored.warnAt?.getTime());
    expect(after.overdueAt).not.toBeNull();

    const view = await h.admin("GET", `/api/v1/admin/applications/${number}`);
    expect(view.body.clock).toMatchObject({ dueDate: "2026-12-31", overdue: true, daysUsed: 5, daysLeft: 0 });
    expect(view.body.clock.problem).toMatch(/2027年.*只计到2026-12-31/);
    const overdue = await h.admin("GET", "/api/v1/admin/applications?supervision=overdue");
    expect(overdue.body.items.map((a: { number: string }) => a.number)).toContain(number);
  });

  it("keeps a paused application's stored due time when a holiday-year change cannot recompute it", async () => {
    h.clock.now = sh("2026-12-21 09:00");
    const { number } = await h.create("W5");
    await h.move(number, "accepted", sh("2026-12-21 10:00"));
    await h.move(number, "supplement_required", sh("2026-12-23 10:00"), { materials: ["身份证复印件"] });
    const stored = await row(number);
    expect(stored).toMatchObject({ paused: true, clockProblem: null });
    expect(stored.dueAt).not.toBeNull();

    // Still paused on 4 January 2027: the pause runs into 2027, so the due day cannot be known.
    // Any holiday-year change (here 2028) recomputes running clocks; that must not wipe the row.
    h.clock.now = sh("2027-01-04 10:00");
    const added = await h.admin("POST", "/api/v1/admin/holiday-years", { year: 2028, holidays: ["2028-01-01"], workdays: [], source: "test fixture" });
    expect(added.status).toBe(201);
    const after = await row(number);
    expect(after).toMatchObject({ paused: true, stoppedAt: null });
    expect(after.dueAt?.getTime()).toBe(stored.dueAt?.getTime());
    expect(after.clockProblem).toMatch(/2027年/);
  });

  it("shows staff on the supervision views that 2027 is not entered and what stops working", async () => {
    h.clock.now = sh("2026-12-07 10:00");
    const counts = await h.admin("GET", "/api/v1/admin/supervision/counts");
    expect(counts.body.calendarWarnings).toEqual([expect.objectContaining({ year: 2027, daysUntilStart: 25, started: false })]);
    const alerts = await h.admin("GET", "/api/v1/admin/supervision/alerts");
    expect(alerts.body.calendarWarnings).toEqual([expect.objectContaining({ year: 2027 })]);
    const years = await h.admin("GET", "/api/v1/admin/holiday-years");
    expect(years.body.calendarWarnings).toEqual([expect.objectContaining({ year: 2027, affects: expect.arrayContaining([expect.stringMatching(/办件/)]) })]);
  });

  it("records a decided clock as stopped even when its due day is unknown, and computes it once 2027 is entered", async () => {
    h.clock.now = sh("2026-12-28 09:00");
    const { number } = await h.create("W5");
    await h.move(number, "accepted", sh("2026-12-28 10:00")); // 29 1, 30 2, 31 3, then 2027
    await h.move(number, "decided", sh("2026-12-30 10:00"), { outcome: "approved", resultText: "准予许可" });
    const stopped = await row(number);
    expect(stopped.stoppedAt?.toISOString()).toBe(sh("2026-12-30 10:00").toISOString());
    expect(stopped.clockProblem).toMatch(/2027年/);

    const added = await h.admin("POST", "/api/v1/admin/holiday-years", staff2027);
    expect(added.status).toBe(201);
    const after = await row(number);
    expect(after.clockProblem).toBeNull();
    // staff2027: 1–3 Jan off → 4 Jan 4, 5 Jan 5.
    expect(after.dueAt?.toISOString()).toBe("2027-01-05T15:59:59.999Z");
    const counts = await h.admin("GET", "/api/v1/admin/supervision/counts");
    expect(counts.body.calendarWarnings).toEqual([]);
  });
});
