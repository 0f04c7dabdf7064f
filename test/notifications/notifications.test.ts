import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { testDbKinds } from "../support/db";
import { notify, requeuePending, sendNotification } from "../../src/notifications";
import { consumeConsent, recordConsents } from "../../src/miniprogram";
import { findOrCreateUserByOpenid } from "../../src/users";
import type { AppContext } from "../../src/platform/context";
import { ADMIN_TOKEN, MP_TEMPLATE_APPLICATION, MP_TEMPLATE_COMPLAINT, OA_TEMPLATE_APPLICATION, startMpService, type MpHarness } from "../miniprogram/harness";

const SUBSCRIBE = "/cgi-bin/message/subscribe/send";
const TEMPLATE = "/cgi-bin/message/template/send";

const fields = {
  itemName: "城乡居民基本养老保险待遇申领（含丧葬补助金、抚恤金）",
  applicationNo: "QH2026-000123-办件",
  status: "已受理并审核通过",
  updatedAt: new Date("2026-11-25T02:30:00Z"),
};

describe.each(testDbKinds())("notifications (%s)", (db) => {
  let fake: FakeWechat;
  let h: MpHarness;
  let ctx: AppContext;
  let seq = 0;

  /** A mini-program user with `consents` acceptances of the application template. */
  async function mpUser(consents: number) {
    const u = await findOrCreateUserByOpenid(ctx, { mpOpenid: `mp-user-${db}-${++seq}` });
    await recordConsents(ctx, u.id, Array.from({ length: consents }, () => MP_TEMPLATE_APPLICATION));
    return u;
  }
  const row = (id: string) => ctx.db.prisma.notification.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    fake = await startFakeWechat();
    h = await startMpService(db, fake);
    ctx = h.service.ctx;
  });
  afterAll(async () => {
    await h?.service.stop();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it("sends a subscribe message with fitted fields and consumes the consent", async () => {
    const u = await mpUser(1);
    const r = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-${seq}`, fields, page: "pages/applications/detail?id=1" });
    await ctx.queue.drain();
    expect((await row(r.id)).status).toBe("sent");
    const sent = fake.calls(SUBSCRIBE);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as { touser: string; template_id: string; page: string; miniprogram_state: string; data: Record<string, { value: string }> };
    expect(body).toMatchObject({ touser: u.mpOpenid, template_id: MP_TEMPLATE_APPLICATION, page: "pages/applications/detail?id=1", miniprogram_state: "formal" });
    expect([...body.data.thing1!.value].length).toBeLessThanOrEqual(20);
    expect(body.data.thing1!.value.endsWith("…")).toBe(true);
    expect(body.data.character_string2!.value).toBe("QH2026-000123-");
    expect(body.data.phrase3!.value).toBe("已受理并");
    expect(body.data.time4!.value).toBe("2026-11-25 10:30");
    expect(body.data.thing5!.value).toBe("点击查看办件详情");
    expect(await ctx.db.prisma.subscribeConsent.count({ where: { userId: u.id, consumedAt: null } })).toBe(0);
  });

  it("spends an allowance on an action notice (the default, e.g. a complaint reply), never on an info notice", async () => {
    const u = await findOrCreateUserByOpenid(ctx, { mpOpenid: `mp-user-${db}-${++seq}` });
    await recordConsents(ctx, u.id, [MP_TEMPLATE_COMPLAINT, MP_TEMPLATE_APPLICATION]);
    const info = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-info-${seq}`, fields, priority: "info" });
    const reply = await notify(ctx, { userId: u.id, kind: "complaint_reply", dedupeKey: `k-reply-${seq}`, fields: { title: "噪音扰民", complaintNo: "C1", status: "已回复", repliedAt: new Date() } });
    await ctx.queue.drain();
    expect((await row(info.id)).status).toBe("skipped_low_priority");
    expect((await row(reply.id)).status).toBe("sent");
    expect(fake.calls(SUBSCRIBE).map((c) => (c.body as { template_id: string }).template_id)).toEqual([MP_TEMPLATE_COMPLAINT]);
    expect(await ctx.db.prisma.subscribeConsent.count({ where: { userId: u.id, templateId: MP_TEMPLATE_APPLICATION, consumedAt: null } })).toBe(1);
  });

  it("does not attempt a send without consent", async () => {
    const u = await mpUser(0);
    const r = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-${seq}`, fields });
    await ctx.queue.drain();
    expect((await row(r.id)).status).toBe("skipped_no_consent");
    expect(fake.calls(SUBSCRIBE)).toHaveLength(0);
  });

  it("consumes one acceptance exactly once under concurrency", async () => {
    const u = await mpUser(1);
    const ids = await Promise.all(
      Array.from({ length: 6 }, (_, i) => consumeConsent(ctx, { userId: u.id, templateId: MP_TEMPLATE_APPLICATION, notificationId: crypto.randomUUID() }).then((c) => (c ? i : -1))),
    );
    expect(ids.filter((i) => i >= 0)).toHaveLength(1);

    const v = await mpUser(1);
    const [a, b] = await Promise.all([
      notify(ctx, { userId: v.id, kind: "application_status", dedupeKey: `k-${seq}-a`, fields }),
      notify(ctx, { userId: v.id, kind: "application_status", dedupeKey: `k-${seq}-b`, fields }),
    ]);
    await ctx.queue.drain();
    const statuses = [(await row(a.id)).status, (await row(b.id)).status].sort();
    expect(statuses).toEqual(["sent", "skipped_no_consent"]);
    expect(fake.calls(SUBSCRIBE)).toHaveLength(1);
  });

  it("dedupes by dedupeKey: one row, one send", async () => {
    const u = await mpUser(2);
    const key = `application:${seq}:status:1`;
    const first = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: key, fields });
    const second = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: key, fields });
    await ctx.queue.drain();
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(await ctx.db.prisma.notification.count({ where: { dedupeKey: key } })).toBe(1);
    expect(fake.calls(SUBSCRIBE)).toHaveLength(1);
  });

  it("does not send twice when the job runs again after success", async () => {
    const u = await mpUser(2);
    const r = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-${seq}`, fields });
    await ctx.queue.drain();
    await sendNotification(ctx, r.id, { attempt: 2, jobId: "retry" });
    await requeuePending(ctx);
    await ctx.queue.drain();
    expect((await row(r.id))).toMatchObject({ status: "sent", attempts: 1 });
    expect(fake.calls(SUBSCRIBE)).toHaveLength(1);
    expect(await ctx.db.prisma.subscribeConsent.count({ where: { userId: u.id, consumedAt: null } })).toBe(1);
  });

  it("records a permanent error as failed without retrying, visible to admins", async () => {
    const u = await mpUser(1);
    fake.failNext(SUBSCRIBE, { errcode: 43101, errmsg: "user refuse to accept the msg" });
    const r = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-${seq}`, fields });
    await ctx.queue.drain();
    expect(await row(r.id)).toMatchObject({ status: "failed", attempts: 1, errcode: 43101 });
    expect(fake.calls(SUBSCRIBE)).toHaveLength(1);

    expect((await h.call("GET", "/api/v1/admin/notifications?status=failed")).status).toBe(401);
    expect((await h.call("GET", "/api/v1/admin/notifications?status=failed", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const list = await h.call("GET", "/api/v1/admin/notifications?status=failed", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect(list.body.items.find((i: { id: string }) => i.id === r.id)).toMatchObject({ errcode: 43101, attempts: 1, kind: "application_status" });

    // Staff retry it once; a notification that is no longer failed cannot be retried.
    const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    const retried = await h.call("POST", `/api/v1/admin/notifications/${r.id}/retry`, auth);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: r.id, kind: "application_status" });
    await ctx.queue.drain();
    expect((await row(r.id)).status).not.toBe("failed");
    const again = await h.call("POST", `/api/v1/admin/notifications/${r.id}/retry`, auth);
    expect([again.status, again.body.error.code]).toEqual([409, "notification_not_failed"]);
  });

  it("retries a transient error with backoff, reusing the consent", async () => {
    const u = await mpUser(1);
    fake.failNext(SUBSCRIBE, { errcode: -1, errmsg: "system error" });
    const r = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-${seq}`, fields });
    await ctx.queue.drain();
    expect(await row(r.id)).toMatchObject({ status: "sent", attempts: 2, errcode: null });
    expect(fake.calls(SUBSCRIBE)).toHaveLength(2);
  });

  it("uses the OA template message when the event came from the Official Account", async () => {
    const r = await notify(ctx, { oaOpenid: "oa-openid-x", kind: "application_status", dedupeKey: `k-oa-${seq}`, fields, page: "pages/a" });
    await ctx.queue.drain();
    expect(await row(r.id)).toMatchObject({ status: "sent", channel: "oa_template" });
    const body = fake.calls(TEMPLATE)[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ touser: "oa-openid-x", template_id: OA_TEMPLATE_APPLICATION, client_msg_id: r.id, miniprogram: { appid: "wxmp-test", pagepath: "pages/a" } });
  });

  it("has no channel for a kind without configured templates for the user's channel", async () => {
    const r = await notify(ctx, { oaOpenid: "oa-openid-y", kind: "complaint_reply", dedupeKey: `k-c-${seq}`, fields: { title: "噪音扰民", complaintNo: "C1", status: "已回复", repliedAt: new Date() } });
    await ctx.queue.drain();
    expect((await row(r.id)).status).toBe("skipped_no_channel");
  });

  it("takes times only as instants: zone-less text would be converted to Shanghai time twice", async () => {
    await expect(
      notify(ctx, { oaOpenid: "oa-openid-z", kind: "complaint_reply", dedupeKey: `k-t-${seq}`, fields: { title: "噪音扰民", complaintNo: "C1", status: "已回复", repliedAt: "2026-11-25 10:00" } }),
    ).rejects.toThrow(/repliedAt.*must be a Date/);
    expect(await ctx.db.prisma.notification.count({ where: { dedupeKey: `k-t-${seq}` } })).toBe(0);
  });

  it("re-enqueues pending rows (the in-process queue loses jobs on restart)", async () => {
    const u = await mpUser(1);
    const r = await notify(ctx, { userId: u.id, kind: "application_status", dedupeKey: `k-${seq}`, fields });
    await ctx.queue.drain();
    // As if the process had died before sending: the row is pending, no job exists.
    await ctx.db.prisma.notification.update({ where: { id: r.id }, data: { status: "pending", attempts: 0, sentAt: null } });
    fake.reset();
    expect(await requeuePending(ctx)).toBeGreaterThanOrEqual(1);
    await ctx.queue.drain();
    expect((await row(r.id)).status).toBe("sent");
    expect(fake.calls(SUBSCRIBE)).toHaveLength(1); // the consent it already held, reused
  });

  it("rejects programming errors in notify()", async () => {
    await expect(notify(ctx, { userId: crypto.randomUUID(), kind: "application_status", dedupeKey: "x", fields: { itemName: "a" } })).rejects.toThrow(/required/);
    await expect(notify(ctx, { kind: "application_status", dedupeKey: "y", fields })).rejects.toThrow(/userId/);
  });
});
