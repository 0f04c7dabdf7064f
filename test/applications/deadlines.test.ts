import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

describe.each(testDbKinds())("application deadlines through the real flow (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db);
  }, 60_000);
  afterAll(() => h?.stop());

  it("counts working days across the National Day holiday and its make-up workdays", async () => {
    h.clock.now = sh("2025-09-26 09:00");
    const created = await h.create("W6");
    expect(created.clock.started).toBe(false);
    expect(created.clock.limit).toBe("6个工作日");
    const r = await h.move(created.number, "accepted", sh("2025-09-26 10:00"));
    expect(r.status).toBe(200);
    // 9-28 (Sun, make-up) 1, 9-29 2, 9-30 3, 10-1…10-8 off, 10-9 4, 10-10 5, 10-11 (Sat, make-up) 6.
    expect(r.body.clock).toMatchObject({ started: true, dueDate: "2025-10-11", daysUsed: 0, daysLeft: 6, overdue: false });
    h.clock.now = sh("2025-10-09 15:00");
    const mid = await h.admin("GET", `/api/v1/admin/applications/${created.number}`);
    expect(mid.body.clock).toMatchObject({ daysUsed: 4, daysLeft: 2, dueDate: "2025-10-11" });
    h.clock.now = sh("2025-10-13 09:00");
    const late = await h.admin("GET", `/api/v1/admin/applications/${created.number}`);
    expect(late.body.clock).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it("counts working days across the Spring Festival and its make-up Saturdays", async () => {
    h.clock.now = sh("2026-02-12 09:00");
    const created = await h.create("W3");
    const r = await h.move(created.number, "accepted", sh("2026-02-12 09:30"));
    // 2-13 (Fri) 1, 2-14 (Sat, make-up) 2, 2-15…2-23 off, 2-24 3.
    expect(r.body.clock).toMatchObject({ dueDate: "2026-02-24", daysLeft: 3 });
    const row = await h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { number: created.number } });
    expect(row.dueAt?.toISOString()).toBe(sh("2026-02-24 23:59").toISOString().replace(":00.000Z", ":59.999Z"));
  });

  it("pauses the clock during 补正 and resumes after, moving the due date", async () => {
    h.clock.now = sh("2025-09-26 09:00");
    const { number } = await h.create("W6");
    await h.move(number, "accepted", sh("2025-09-26 10:00"));
    const paused = await h.move(number, "supplement_required", sh("2025-09-29 10:00"), { materials: ["营业执照副本"] });
    expect(paused.status).toBe(200);
    h.clock.now = sh("2025-10-05 12:00");
    const during = await h.admin("GET", `/api/v1/admin/applications/${number}`);
    expect(during.body.clock).toMatchObject({ paused: true, daysUsed: 1 });
    const row = await h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { number } });
    expect(row.paused).toBe(true);
    expect(row.warnAt).toBeNull();

    h.clock.now = sh("2025-10-09 10:00");
    await h.move(number, "supplement_submitted", sh("2025-10-09 10:00"));
    const resumed = await h.move(number, "under_review", sh("2025-10-09 11:00"));
    // Paused days 9-29 … 10-9 do not count: 9-28 1, 10-10 2, 10-11 3, 10-13 4, 10-14 5, 10-15 6.
    expect(resumed.body.clock).toMatchObject({ paused: false, dueDate: "2025-10-15" });
    expect(resumed.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      "submitted", "accepted", "supplement_required", "supplement_submitted", "under_review",
    ]);
  });

  it("refuses an illegal move with a clear message and records nothing", async () => {
    h.clock.now = sh("2025-09-26 09:00");
    const { number } = await h.create("W5");
    const r = await h.move(number, "decided", sh("2025-09-26 09:10"), { outcome: "approved", resultText: "准予许可" });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("transition_not_allowed");
    expect(r.body.error.message).toContain("不能从“已接件”变更为“已办结”");
    const missing = await h.move(number, "rejected", sh("2025-09-26 09:10"));
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("details_required");
    expect(missing.body.error.message).toContain("reason");
    const events = await h.service.ctx.db.prisma.applicationEvent.count({ where: { application: { number } } });
    expect(events).toBe(1);
  });

  it("refuses to guess a deadline in a year whose holidays nobody confirmed, until staff add it", async () => {
    h.clock.now = sh("2026-12-24 09:00");
    const { number } = await h.create("W6");
    const r = await h.move(number, "accepted", sh("2026-12-24 10:00"));
    expect(r.status).toBe(200);
    expect(r.body.clock.problem).toContain("2027年节假日安排尚未确认");
    const added = await h.admin("POST", "/api/v1/admin/holiday-years", {
      year: 2027, holidays: ["2027-01-01", "2027-01-02", "2027-01-03"], workdays: [], source: "test fixture",
    });
    expect(added.status).toBe(201);
    const after = await h.admin("GET", `/api/v1/admin/applications/${number}`);
    // 12-25 1, 12-28 2, 12-29 3, 12-30 4, 12-31 5, (1-1…1-3 off) 1-4 6.
    expect(after.body.clock).toMatchObject({ problem: null, dueDate: "2027-01-04" });
    const row = await h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { number } });
    expect(row.clockProblem).toBeNull();
    expect(row.dueAt).not.toBeNull();
    expect((await h.admin("GET", "/api/v1/admin/holiday-years")).body.items.map((y: { year: number }) => y.year)).toEqual([2027]);
  });
});
