import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SWEEP_OUTBOX_JOB } from "../../src/complaints/outbox/requeue-pending-outbox";
import { sign12345 } from "../../src/complaints/outbox/signature";
import { DELIVER_JOB } from "../../src/complaints/outbox/delivery-job";
import { testDbKinds } from "../support/db";
import { startFake12345, waitFor } from "./fake-12345";
import { startComplaints, type Harness } from "./helpers";

const SECRET = "twelve345-shared-secret";

describe.each(testDbKinds())("forwarding to the 12345 platform (%s)", (db) => {
  let h: Harness;
  let platform: Awaited<ReturnType<typeof startFake12345>>;
  beforeAll(async () => {
    platform = await startFake12345(SECRET);
    h = await startComplaints(db, {
      env: { TWELVE345_URL: platform.url, TWELVE345_SECRET: SECRET },
      options: { outbox: { maxAttempts: 4, backoffMs: 20, timeoutMs: 2000 } },
    });
  });
  afterAll(async () => {
    await h?.service.stop();
    await platform?.close();
  });

  const file = (text: string) => h.fileFromMiniProgram({ text, contactName: "王明", contactPhone: "13912345678", contactConsent: true });
  const outbox = async (status?: string) => (await h.staff("GET", `/api/v1/admin/outbox${status ? `?status=${status}` : ""}`)).json.items as any[];

  it("delivers every accepted complaint once, signed, through a platform that is down for a while", async () => {
    platform.state.down = 3;
    const tickets = [await file("小区门口垃圾成堆无人清运"), await file("公交车长时间不来，等车一小时"), await file("公司拖欠工资两个月了")];
    await waitFor(async () => tickets.every((t) => platform.accepted.has(`${t}:complaint.accepted`)));
    await h.service.ctx.queue.drain(5_000);
    for (const t of tickets) {
      const got = platform.accepted.get(`${t}:complaint.accepted`)!;
      expect(got).toHaveLength(1); // nothing sent twice
      expect(got[0]).toMatchObject({ event: "complaint.accepted", ticketNo: t, contact: { name: "王明", phone: "13912345678" } });
    }
    expect(platform.state.badSignatures).toBe(0);
    const rows = (await outbox()).filter((r) => tickets.some((t) => r.idempotencyKey.startsWith(t)));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(6); // 3 failures + 3 successes
    // The outbox row holds no clear-text contact.
    const raw = await h.service.ctx.db.prisma.complaintOutbox.findMany();
    expect(JSON.stringify(raw)).not.toContain("13912345678");
  });

  it("moves a row to the dead-letter list after N failures; staff replay it once the platform is back", async () => {
    platform.state.down = 1000;
    const ticketNo = await file("路灯坏了一个多月，晚上很黑");
    await waitFor(async () => (await outbox("dead")).some((r) => r.idempotencyKey.startsWith(ticketNo)));
    const dead = (await outbox("dead")).find((r) => r.idempotencyKey.startsWith(ticketNo));
    expect(dead).toMatchObject({ attempts: 4, lastError: expect.stringContaining("503") });
    platform.state.down = 0;
    const replay = await h.staff("POST", `/api/v1/admin/outbox/${dead.id}/replay`);
    expect(replay.status).toBe(200);
    await waitFor(async () => platform.accepted.has(`${ticketNo}:complaint.accepted`));
    await h.service.ctx.queue.drain(5_000);
    expect(platform.accepted.get(`${ticketNo}:complaint.accepted`)).toHaveLength(1);
    expect((await outbox("dead")).some((r) => r.id === dead.id)).toBe(false);
    expect((await h.staff("POST", `/api/v1/admin/outbox/${dead.id}/replay`)).status).toBe(422); // only dead letters
  });

  it("accepts signed status callbacks once; a bad signature changes nothing", async () => {
    const ticketNo = await file("小区噪音扰民，夜里施工");
    const body = JSON.stringify({ eventId: `evt-${ticketNo}`, ticketNo, status: "replied", replyText: "已责令施工单位夜间停工" });
    const send = (b: string, signature?: string) => {
      const ts = String(Math.floor(Date.now() / 1000));
      return fetch(`${h.service.url}/api/v1/integrations/12345/callbacks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-12345-timestamp": ts, "x-12345-signature": signature ?? sign12345(SECRET, ts, b) },
        body: b,
      });
    };
    // The ticket was auto-dispatched; the platform's department handled it: in_progress → replied is a legal move.
    await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/sign`);
    await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/progress`, { note: "转交12345平台办理" });
    const forged = await send(body, sign12345("wrong-secret", "1", body));
    expect(forged.status).toBe(401);
    const untouched = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json;
    expect(untouched).toMatchObject({ status: "in_progress", replyText: null });
    expect(untouched.events.filter((e: any) => e.type === "callback")).toHaveLength(0);

    const first = await send(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ duplicate: false, outcome: "applied", status: "replied" });
    const again = await send(body);
    expect(await again.json()).toEqual({ duplicate: true, outcome: "duplicate", status: "replied" });
    const view = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json;
    expect(view).toMatchObject({ status: "replied", replyText: "已责令施工单位夜间停工" });
    expect(view.events.filter((e: any) => e.type === "callback")).toHaveLength(1);
    expect(h.notices.filter((n) => n.fields.complaintNo === ticketNo)).toHaveLength(1);
  });

  it("a 12345 reply and close change the ticket exactly as the staff's reply and close do", async () => {
    platform.state.down = 0;
    const callback = (b: object) => {
      const raw = JSON.stringify(b);
      const ts = String(Math.floor(Date.now() / 1000));
      return fetch(`${h.service.url}/api/v1/integrations/12345/callbacks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-12345-timestamp": ts, "x-12345-signature": sign12345(SECRET, ts, raw) },
        body: raw,
      });
    };
    const byStaff = await file("小区垃圾站污水横流，夏天臭味很大");
    const byPlatform = await file("公交站台顶棚破损，下雨天没处躲雨");
    const replyText = "已安排环卫部门清理并加装防渗设施";
    for (const t of [byStaff, byPlatform]) {
      await h.staff("POST", `/api/v1/admin/complaints/${t}/sign`);
      await h.staff("POST", `/api/v1/admin/complaints/${t}/progress`, { note: "已转办" });
    }
    expect((await h.staff("POST", `/api/v1/admin/complaints/${byStaff}/reply`, { replyText })).status).toBe(200);
    expect((await callback({ eventId: `reply-${byPlatform}`, ticketNo: byPlatform, status: "replied", replyText })).status).toBe(200);
    // Whatever left a replied ticket flagged for the dispatcher, 办结 must take it out of the queue.
    await h.service.ctx.db.prisma.complaint.updateMany({ where: { ticketNo: { in: [byStaff, byPlatform] } }, data: { dispatcherQueue: true } });
    expect((await h.staff("POST", `/api/v1/admin/complaints/${byStaff}/close`, { note: "市民认可" })).status).toBe(200);
    expect((await callback({ eventId: `close-${byPlatform}`, ticketNo: byPlatform, status: "closed", note: "市民认可" })).status).toBe(200);

    const view = async (t: string) => (await h.staff("GET", `/api/v1/admin/complaints/${t}`)).json;
    const [a, b] = [await view(byStaff), await view(byPlatform)];
    const outcome = (v: any) => ({
      status: v.status,
      dispatcherQueue: v.dispatcherQueue,
      replyText: v.replyText,
      replied: Boolean(v.repliedAt),
      moves: v.events.filter((e: any) => e.type === "status").map((e: any) => [e.from, e.to, e.note]),
    });
    expect(outcome(b)).toEqual(outcome(a));
    expect(outcome(b)).toMatchObject({ status: "closed", dispatcherQueue: false });
    expect(b.events.filter((e: any) => e.to === "replied" || e.to === "closed").map((e: any) => e.actor)).toEqual(["12345", "12345"]);
    // The citizen is told once either way, with the same fields.
    const notice = (t: string) => h.notices.filter((n) => n.fields.complaintNo === t).map(({ fields: { repliedAt: _, complaintNo: __, ...rest } }) => rest);
    expect(notice(byPlatform)).toEqual(notice(byStaff));
    expect(notice(byStaff)).toHaveLength(1);
  });

  it("delivers a pending row whose enqueue was lost from the periodic sweep, without a restart", async () => {
    platform.state.down = 0;
    const queue = h.service.ctx.queue;
    const enqueue = queue.enqueue;
    queue.enqueue = async (name, payload, opts) => {
      if (name === DELIVER_JOB) throw new Error("redis is down");
      return enqueue.call(queue, name, payload, opts);
    };
    let ticketNo: string;
    try {
      ticketNo = await file("人行道地砖松动，老人容易摔倒");
    } finally {
      queue.enqueue = enqueue;
    }
    await h.service.ctx.queue.drain(5_000);
    const lost = (await outbox("pending")).find((r) => r.idempotencyKey.startsWith(ticketNo));
    expect(lost).toMatchObject({ attempts: 0 });
    expect(platform.accepted.has(`${ticketNo}:complaint.accepted`)).toBe(false);

    // A fresh row is left to its kick; one older than the sweep age is re-enqueued.
    await queue.enqueue(SWEEP_OUTBOX_JOB, {});
    await queue.drain(5_000);
    expect(platform.accepted.has(`${ticketNo}:complaint.accepted`)).toBe(false);
    await h.service.ctx.db.prisma.complaintOutbox.update({ where: { id: lost.id }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    await Promise.all([queue.enqueue(SWEEP_OUTBOX_JOB, {}), queue.enqueue(SWEEP_OUTBOX_JOB, {})]);
    await waitFor(async () => platform.accepted.has(`${ticketNo}:complaint.accepted`));
    await queue.drain(5_000);
    expect(platform.accepted.get(`${ticketNo}:complaint.accepted`)).toHaveLength(1);
    expect((await outbox("sent")).find((r) => r.id === lost.id)).toMatchObject({ attempts: 1 });
  });

  it.runIf(db === "postgres")("re-enqueues pending rows at start: a restart loses nothing", async () => {
    platform.state.down = 1;
    const url = h.service.ctx.config.DATABASE_URL!;
    const slow = await startComplaints(db, {
      databaseUrl: url,
      env: { TWELVE345_URL: platform.url, TWELVE345_SECRET: SECRET },
      options: { outbox: { maxAttempts: 4, backoffMs: 600_000, timeoutMs: 2000 } },
    });
    const { token } = await slow.mpToken();
    const res = await fetch(`${slow.service.url}/api/v1/mp/complaints`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ text: "小区绿化带被占用种菜" }) });
    const ticketNo = ((await res.json()) as any).ticketNo as string;
    await waitFor(async () => (await outbox("pending")).some((r) => r.idempotencyKey.startsWith(ticketNo) && r.attempts === 1));
    await slow.service.stop(); // the retry was only in that instance's memory
    const next = await startComplaints(db, { databaseUrl: url, env: { TWELVE345_URL: platform.url, TWELVE345_SECRET: SECRET } });
    try {
      await waitFor(async () => platform.accepted.has(`${ticketNo}:complaint.accepted`));
      expect(platform.accepted.get(`${ticketNo}:complaint.accepted`)).toHaveLength(1);
    } finally {
      await next.service.stop();
    }
  });
});
