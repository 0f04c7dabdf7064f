import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyApplicant } from "../../src/applications";
import { testDbKinds } from "../support/db";
import { APPLICANT, randomOpenid, sh, startHarness, type Harness } from "./harness";

describe.each(testDbKinds())("status-change notifications (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 08:00"));
  }, 60_000);
  afterAll(() => h?.stop());

  const rows = (number: string) =>
    h.service.ctx.db.prisma.notification.findMany({ where: { dedupeKey: { startsWith: "application:" }, payloadEnc: { not: "" } } }).then((all) =>
      all.filter((n) => JSON.parse(h.service.ctx.crypto.decrypt(n.payloadEnc)).fields.applicationNo === number),
    );

  it("notifies the applicant bound by phone exactly once per status change, even when the job is retried", async () => {
    const openid = randomOpenid();
    const userId = await h.addUser({ oaOpenid: openid, phone: APPLICANT.phone });
    const { number } = await h.create("W5");
    await h.move(number, "accepted", sh("2025-11-03 09:00"));
    await h.service.ctx.queue.drain(10_000);
    const sent = await rows(number);
    expect(sent.map((n) => n.dedupeKey).sort()).toHaveLength(2);
    expect(sent.every((n) => n.userId === userId && n.kind === "application_status")).toBe(true);
    const events = await h.service.ctx.db.prisma.applicationEvent.findMany({ where: { application: { number } } });
    expect(sent.map((n) => n.dedupeKey).sort()).toEqual(events.map((e) => `application:${e.id}`).sort());
    const payload = JSON.parse(h.service.ctx.crypto.decrypt(sent.find((n) => n.dedupeKey.endsWith(events.find((e) => e.status === "accepted")!.id))!.payloadEnc));
    expect(payload.fields).toMatchObject({ itemName: "建设工程规划许可", applicationNo: number, status: "已受理" });

    // A retry after notify succeeded but before notified_at was written (crash), and a plain retry.
    const accepted = events.find((e) => e.status === "accepted")!;
    await h.service.ctx.db.prisma.applicationEvent.update({ where: { id: accepted.id }, data: { notifiedAt: null } });
    await notifyApplicant(h.deps, accepted.id);
    await notifyApplicant(h.deps, accepted.id);
    await h.service.ctx.queue.enqueue("applications.notify-status", { eventId: accepted.id });
    await h.service.ctx.queue.drain(10_000);
    expect(await rows(number)).toHaveLength(2);
  });

  it("notifies nobody (and leaves no pending work) when no user is bound to the application", async () => {
    const { number } = await h.create("W5", { name: "李四", phone: "13600000001" });
    await h.move(number, "accepted", sh("2025-11-03 09:00"));
    await h.service.ctx.queue.drain(10_000);
    expect(await rows(number)).toHaveLength(0);
    const pending = await h.service.ctx.db.prisma.applicationEvent.count({ where: { application: { number }, notifiedAt: null } });
    expect(pending).toBe(0);
  });
});
