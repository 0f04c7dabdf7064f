import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshRunningClocks } from "../../src/applications/refresh-running-clocks";
import { loadApplicationState } from "../../src/applications/load-application";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

/**
 * 补正 and 补正提交 in the same second: every reader of the timeline must put them in the
 * order they were recorded, so the cached clock columns agree with the live clock. Without an
 * ORDER BY the database returns rows in its physical order, which an updated or re-written row
 * changes — the test re-writes the pause event so it sits physically after the resume.
 */
describe.each(testDbKinds())("events with the same time (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db);
  }, 60_000);
  afterAll(() => h?.stop());

  async function storedAndLive(number: string) {
    const row = await h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { number } });
    const { clock } = await loadApplicationState(h.deps, row);
    if (!("started" in clock) || !clock.started) throw new Error(`clock not running: ${JSON.stringify(clock)}`);
    return { row, clock };
  }

  it("keeps a pause and its resume in recorded order in the stored clock columns", async () => {
    h.clock.now = sh("2025-11-03 09:00");
    const { number } = await h.create("W5");
    expect((await h.move(number, "accepted", sh("2025-11-03 09:00"))).status).toBe(200);
    expect((await h.move(number, "supplement_required", sh("2025-11-04 10:00"), { materials: ["营业执照副本"] })).status).toBe(200);
    expect((await h.move(number, "supplement_submitted", sh("2025-11-04 10:00"))).status).toBe(200);

    // Re-write the pause event (same id, time and recordedAt): it now lies after the resume on disk.
    const prisma = h.service.ctx.db.prisma;
    const pause = await prisma.applicationEvent.findFirstOrThrow({ where: { application: { number }, status: "supplement_required" } });
    await prisma.$transaction([
      prisma.applicationEvent.delete({ where: { id: pause.id } }),
      prisma.applicationEvent.create({ data: { ...pause, details: pause.details ?? {} } as never }),
    ]);

    // The holiday-year refresh recomputes the cached columns from the timeline.
    await refreshRunningClocks(h.deps);
    const afterRefresh = await storedAndLive(number);
    expect(afterRefresh.clock.paused).toBe(false);
    expect(afterRefresh.row.paused).toBe(false);
    expect(afterRefresh.row.dueAt?.toISOString()).toBe(afterRefresh.clock.dueAt.toISOString());

    // A later move recomputes them inside recordApplicationEvent: a zero-length pause moves nothing.
    h.clock.now = sh("2025-11-07 10:00");
    const moved = await h.move(number, "under_review", sh("2025-11-07 10:00"));
    expect(moved.status).toBe(200);
    expect(moved.body.clock).toMatchObject({ paused: false, dueDate: "2025-11-10" });
    const afterMove = await storedAndLive(number);
    expect(afterMove.row.paused).toBe(false);
    expect(afterMove.row.dueAt?.toISOString()).toBe(afterMove.clock.dueAt.toISOString());
  });
});
