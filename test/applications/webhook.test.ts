import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

describe.each(testDbKinds())("upstream webhook (%s)", (db) => {
  let h: Harness;
  let number: string;
  const events = () => h.service.ctx.db.prisma.applicationEvent.count({ where: { application: { number } } });
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 08:00"));
    number = (await h.create("W5")).number;
    h.clock.now = sh("2025-11-05 12:00");
  }, 60_000);
  afterAll(() => h?.stop());

  it("applies a correctly signed event", async () => {
    const r = await h.signedPost({ eventId: "e-1", number, status: "已受理", occurredAt: sh("2025-11-03 09:00").toISOString() });
    expect(r).toMatchObject({ status: 200, body: { duplicate: false, applied: true, status: "accepted" } });
    expect(await events()).toBe(2);
  });

  it("rejects a forged signature, an unknown integration and a stale timestamp with 401, storing nothing", async () => {
    const body = { eventId: "e-forged", number, status: "under_review", occurredAt: sh("2025-11-04 09:00").toISOString() };
    expect((await h.signedPost(body, { secret: "guessed" })).status).toBe(401);
    expect((await h.signedPost(body, { id: "nobody" })).status).toBe(401);
    const stale = Math.floor(h.clock.now.getTime() / 1000) - 6 * 60;
    expect((await h.signedPost(body, { timestamp: stale })).status).toBe(401);
    // Signed over another body than the one sent.
    const res = await fetch(`${h.service.url}/api/v1/integrations/applications/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-integration-id": "upstream", "x-timestamp": String(Math.floor(h.clock.now.getTime() / 1000)), "x-signature": "0".repeat(64) },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(401);
    expect(await events()).toBe(2);
  });

  it("answers a replay with duplicate: true and changes nothing", async () => {
    const body = { eventId: "e-2", number, status: "under_review", occurredAt: sh("2025-11-04 09:00").toISOString() };
    expect((await h.signedPost(body)).body).toMatchObject({ duplicate: false, applied: true });
    h.clock.now = sh("2025-11-05 12:01");
    const again = await h.signedPost(body);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, status: "under_review" } });
    expect(await events()).toBe(3);
  });

  it("records an older event in its place without overriding the newer status", async () => {
    // Arrives late: a 补正 that happened before the review started on 11-04 …
    const late = await h.signedPost({ eventId: "e-0", number, status: "supplement_required", occurredAt: sh("2025-11-03 15:00").toISOString(), details: { materials: ["施工图"] } });
    expect(late).toMatchObject({ status: 200, body: { duplicate: false, applied: false, status: "under_review" } });
    const detail = await h.admin("GET", `/api/v1/admin/applications/${number}`);
    expect(detail.body.status).toBe("under_review");
    expect(detail.body.timeline.map((e: { status: string; applied: boolean }) => `${e.status}:${e.applied}`)).toEqual([
      "submitted:true", "accepted:true", "supplement_required:false", "under_review:true",
    ]);
    // … and the clock counts it: 11-3 15:00 → 11-4 09:00 paused, so 11-4 is not counted.
    expect(detail.body.clock).toMatchObject({ daysUsed: 1, dueDate: "2025-11-11" });
  });

  it("refuses an illegal newer move (422) and an unknown number (404)", async () => {
    const illegal = await h.signedPost({ eventId: "e-3", number, status: "delivered", occurredAt: sh("2025-11-05 10:00").toISOString() });
    expect(illegal.status).toBe(422);
    expect(illegal.body.error.code).toBe("transition_not_allowed");
    const unknown = await h.signedPost({ eventId: "e-4", number: "QH20251103AAAAAAAAAA0", status: "accepted", occurredAt: sh("2025-11-05 10:00").toISOString() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("application_not_found");
  });
});
