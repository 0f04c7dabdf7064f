import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign12345 } from "../../src/complaints/outbox/signature";
import { testDbKinds } from "../support/db";
import { startFake12345 } from "./fake-12345";
import { startComplaints, type Harness } from "./helpers";

const SECRET = "twelve345-callback-secret";

/**
 * Status callbacks from the 12345 platform as a webhook: what fits the ticket is applied
 * with the staff's own moves; what does not (stale, out of order, redelivered) is
 * acknowledged with the reason and left on the timeline, never applied twice; only a bad
 * signature, a malformed body or an unknown ticket is refused.
 */
describe.each(testDbKinds())("12345 status callbacks (%s)", (db) => {
  let h: Harness;
  let platform: Awaited<ReturnType<typeof startFake12345>>;
  beforeAll(async () => {
    platform = await startFake12345(SECRET);
    h = await startComplaints(db, { env: { TWELVE345_URL: platform.url, TWELVE345_SECRET: SECRET } });
  });
  afterAll(async () => {
    await h?.service.stop();
    await platform?.close();
  });

  /** Auto-dispatched (the fake classifier is confident about 垃圾/噪音/油烟). */
  const file = (text: string) => h.fileFromMiniProgram({ text });
  const post = async (raw: string, signature?: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${h.service.url}/api/v1/integrations/12345/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-12345-timestamp": ts, "x-12345-signature": signature ?? sign12345(SECRET, ts, raw) },
      body: raw,
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const callback = (b: object) => post(JSON.stringify(b));
  const view = async (t: string) => (await h.staff("GET", `/api/v1/admin/complaints/${t}`)).json;
  const moves = (v: any) => v.events.filter((e: any) => e.type === "status").map((e: any) => [e.from, e.to, e.actor]);
  const callbacks = (v: any) => v.events.filter((e: any) => e.type === "callback");

  it("progress moves a dispatched ticket through 签收 into 办理中, recorded as the platform's moves, once", async () => {
    const t = await file("小区门口垃圾成堆无人清运");
    expect((await view(t)).status).toBe("dispatched");
    const body = { eventId: `progress-${t}`, ticketNo: t, status: "progress", note: "已派人现场查看" };
    const first = await callback(body);
    expect(first).toEqual({ status: 200, json: { duplicate: false, outcome: "applied", status: "in_progress" } });
    const v = await view(t);
    expect(v.status).toBe("in_progress");
    expect(v.signedAt).not.toBeNull();
    expect(moves(v).slice(-2)).toEqual([
      ["dispatched", "signed", "12345"],
      ["signed", "in_progress", "12345"],
    ]);
    expect(v.events.find((e: any) => e.to === "in_progress")).toMatchObject({ note: "已派人现场查看", data: { eventId: body.eventId } });

    const again = await callback(body);
    expect(again).toEqual({ status: 200, json: { duplicate: true, outcome: "duplicate", status: "in_progress" } });
    const after = await view(t);
    expect(moves(after)).toEqual(moves(v));
    expect(callbacks(after)).toHaveLength(1);
  });

  it("progress moves a signed ticket into 办理中 with the staff's move, and is only a timeline note once handling", async () => {
    const t = await file("夜里工地噪音扰民");
    await h.staff("POST", `/api/v1/admin/complaints/${t}/sign`);
    expect((await callback({ eventId: `p1-${t}`, ticketNo: t, status: "progress", note: "已约谈施工方" })).json).toMatchObject({ outcome: "applied", status: "in_progress" });
    const before = await view(t);
    expect(moves(before).at(-1)).toEqual(["signed", "in_progress", "12345"]);

    const noted = await callback({ eventId: `p2-${t}`, ticketNo: t, status: "progress", note: "施工方已整改" });
    expect(noted).toEqual({ status: 200, json: { duplicate: false, outcome: "noted", status: "in_progress" } });
    const v = await view(t);
    expect(moves(v)).toEqual(moves(before));
    expect(callbacks(v).at(-1)).toMatchObject({ actor: "12345", note: "施工方已整改", data: { outcome: "noted" } });

    // Later in the loop, progress is still only a note.
    await callback({ eventId: `r-${t}`, ticketNo: t, status: "replied", replyText: "施工方已停止夜间施工" });
    expect((await callback({ eventId: `p3-${t}`, ticketNo: t, status: "progress", note: "回访中" })).json).toMatchObject({ outcome: "noted", status: "replied" });
    expect(moves(await view(t)).at(-1)).toEqual(["in_progress", "replied", "12345"]);
  });

  it("acknowledges a callback that is stale or cannot apply with the reason, on the timeline, and never applies it (not even when redelivered)", async () => {
    const t = await file("饭店油烟太大，熏得没法开窗");
    const before = await view(t);
    // 办结 with no answer to give the citizen: the ticket is not closed unanswered.
    const early = await callback({ eventId: `close-${t}`, ticketNo: t, status: "closed", note: "已办结" });
    expect(early.status).toBe(200);
    expect(early.json).toEqual({ duplicate: false, outcome: "ignored", status: "dispatched", reason: expect.stringContaining("尚未答复") });
    let v = await view(t);
    expect(v.status).toBe("dispatched");
    expect(moves(v)).toEqual(moves(before));
    expect(callbacks(v)).toEqual([
      expect.objectContaining({ actor: "12345", note: "已办结", data: expect.objectContaining({ eventId: `close-${t}`, status: "closed", outcome: "ignored", reason: early.json.reason, ticketStatus: "dispatched" }) }),
    ]);
    expect(await callback({ eventId: `close-${t}`, ticketNo: t, status: "closed", note: "已办结" })).toEqual({ status: 200, json: { duplicate: true, outcome: "duplicate", status: "dispatched" } });

    // Answered (the citizen is told once), then a second reply under another eventId is stale.
    expect((await callback({ eventId: `reply-${t}`, ticketNo: t, status: "replied", replyText: "已责令饭店安装净化器" })).json).toMatchObject({ outcome: "applied", status: "replied" });
    const stale = await callback({ eventId: `reply-again-${t}`, ticketNo: t, status: "replied", replyText: "另一份答复" });
    expect(stale.json).toEqual({ duplicate: false, outcome: "ignored", status: "replied", reason: "工单已是“已答复”" });
    v = await view(t);
    expect(v).toMatchObject({ status: "replied", replyText: "已责令饭店安装净化器" });
    expect(callbacks(v).at(-1)).toMatchObject({ note: "另一份答复", data: { outcome: "ignored" } });
    expect(moves(v).filter(([, to]: string[]) => to === "replied")).toHaveLength(1);
    expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(1);

    // Closed now; a late close redelivered under a new eventId is stale too.
    expect((await callback({ eventId: `close2-${t}`, ticketNo: t, status: "closed" })).json).toMatchObject({ outcome: "applied", status: "closed" });
    expect((await callback({ eventId: `close3-${t}`, ticketNo: t, status: "closed" })).json).toEqual({ duplicate: false, outcome: "ignored", status: "closed", reason: "工单已是“已办结”" });
  });

  it("applies a reply that comes before (or without) the progress report: 签收 → 办理中 → 答复, the citizen told once; the late progress is a note", async () => {
    const t = await file("广场舞噪音太大吵人");
    const reply = await callback({ eventId: `reply-${t}`, ticketNo: t, status: "replied", replyText: "已协调广场舞队降低音量" });
    expect(reply).toEqual({ status: 200, json: { duplicate: false, outcome: "applied", status: "replied" } });
    const late = await callback({ eventId: `progress-${t}`, ticketNo: t, status: "progress", note: "已到现场" });
    expect(late.json).toEqual({ duplicate: false, outcome: "noted", status: "replied" });
    const v = await view(t);
    expect(v).toMatchObject({ status: "replied", replyText: "已协调广场舞队降低音量" });
    expect(v.signedAt).not.toBeNull();
    expect(moves(v).slice(-3)).toEqual([
      ["dispatched", "signed", "12345"],
      ["signed", "in_progress", "12345"],
      ["in_progress", "replied", "12345"],
    ]);
    expect(v.events.filter((e: any) => e.type === "status" && e.actor === "12345").every((e: any) => e.data?.eventId === `reply-${t}`)).toBe(true);
    expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(1);
  });

  it("a close carrying the answer on a ticket never reported answered is answered and closed, the citizen told", async () => {
    const t = await file("河道污水直排发臭");
    const closed = await callback({ eventId: `close-${t}`, ticketNo: t, status: "closed", replyText: "排污口已封堵" });
    expect(closed.json).toEqual({ duplicate: false, outcome: "applied", status: "closed" });
    const v = await view(t);
    expect(v).toMatchObject({ status: "closed", replyText: "排污口已封堵" });
    expect(moves(v).slice(-4).map(([, to]: string[]) => to)).toEqual(["signed", "in_progress", "replied", "closed"]);
    expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(1);
  });

  it("progress and reply sent together: the reply is applied whichever is planned first, and the citizen is told once", async () => {
    const texts = ["小区门口垃圾成堆", "夜里工地噪音扰民厉害", "楼下烧烤油烟呛人", "垃圾站臭气熏天", "工厂夜间噪音扰民", "小区污水井冒水"];
    const tickets = await Promise.all(texts.map(file));
    const results = await Promise.all(
      tickets.map(async (t, i) => {
        const progress = callback({ eventId: `p-${t}`, ticketNo: t, status: "progress", note: "已派人处理" });
        // The reviewer's reproduction: the reply 2 ms behind the progress; alternate which goes first.
        await new Promise((r) => setTimeout(r, i % 2 ? 0 : 2));
        const reply = callback({ eventId: `r-${t}`, ticketNo: t, status: "replied", replyText: "已处理完毕" });
        return Promise.all([progress, reply]);
      }),
    );
    for (const [i, [p, r]] of results.entries()) {
      const t = tickets[i]!;
      expect(p.status).toBe(200);
      expect(r).toEqual({ status: 200, json: { duplicate: false, outcome: "applied", status: "replied" } });
      expect(["applied", "noted"]).toContain(p.json.outcome);
      const v = await view(t);
      expect(v).toMatchObject({ status: "replied", replyText: "已处理完毕" });
      expect(moves(v).map(([, to]: string[]) => to).slice(-3)).toEqual(["signed", "in_progress", "replied"]);
      expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(1);
    }
  });

  it("a redelivered reply tells the citizen when the first notice was lost after the commit, and never twice", async () => {
    const t = await file("路边垃圾堆积如山");
    const body = { eventId: `reply-${t}`, ticketNo: t, status: "replied", replyText: "已安排清运" };
    h.noticeFaults.failNotices = 1; // the process dies (or WeChat is down) between commit and notice
    expect((await callback(body)).json).toEqual({ duplicate: false, outcome: "applied", status: "replied" });
    expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(0);

    expect((await callback(body)).json).toEqual({ duplicate: true, outcome: "duplicate", status: "replied" });
    const sent = h.notices.filter((n) => n.fields.complaintNo === t);
    expect(sent).toEqual([expect.objectContaining({ dedupeKey: `complaint:${t}:reply:12345:${body.eventId}` })]);
    expect((await callback(body)).json).toMatchObject({ duplicate: true });
    expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(1);
    // A redelivered progress or ignored callback sends nothing.
    await callback({ eventId: `p-${t}`, ticketNo: t, status: "progress" });
    await callback({ eventId: `p-${t}`, ticketNo: t, status: "progress" });
    expect(h.notices.filter((n) => n.fields.complaintNo === t)).toHaveLength(1);
  });

  it("keeps 4xx for a bad signature, a malformed body and an unknown ticket, recording nothing", async () => {
    const t = await file("小区垃圾站污水横流");
    const body = JSON.stringify({ eventId: `bad-${t}`, ticketNo: t, status: "progress" });
    expect((await post(body, sign12345("wrong-secret", "1", body))).status).toBe(401);
    expect((await post("{not json")).status).toBe(400);
    expect((await callback({ eventId: `bad-${t}`, ticketNo: t, status: "handled" })).status).toBe(400);
    const noReply = await callback({ eventId: `bad-${t}`, ticketNo: t, status: "replied" }); // replyText required
    expect([noReply.status, noReply.json.error]).toEqual([400, { code: "callback_body_invalid", message: "Invalid callback: replyText: required for status replied" }]);
    expect((await callback({ eventId: `bad-${t}`, ticketNo: "QH00000000000", status: "progress" })).status).toBe(404);
    const v = await view(t);
    expect(v.status).toBe("dispatched");
    expect(callbacks(v)).toHaveLength(0);
    // The eventId was not used up by the refused requests: the good one applies.
    expect((await post(body)).json).toMatchObject({ duplicate: false, outcome: "applied" });
  });
});
