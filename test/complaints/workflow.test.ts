import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ratingToken } from "../../src/complaints/rating-link";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

// Wednesday 30 September 2026, 10:00 Shanghai: the day before the National Day holiday (1–7 Oct; Sat 10 Oct is a make-up workday).
const START = "2026-09-30T02:00:00Z";

describe.each(testDbKinds())("complaint workflow (%s)", (db) => {
  let h: Harness;
  const clock = testClock(START);
  beforeAll(async () => {
    h = await startComplaints(db, { now: clock.now });
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  const file = async (text: string, extra: object = {}) => {
    const { token, userId } = await h.mpToken();
    const res = await fetch(`${h.service.url}/api/v1/mp/complaints`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text, ...extra }),
    });
    const json = (await res.json()) as any;
    return { ticketNo: json.ticketNo as string, token, userId, json };
  };
  const act = (ticketNo: string, action: string, body: object = {}) => h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/${action}`, body);

  it("runs the 12345 loop through the API: dispatch across the holiday, return, sign, extension once, reply, rating, rectification, appeal", async () => {
    clock.set(START);
    const { ticketNo, token } = await file("楼下的井盖丢了好几天了，很危险");
    expect((await act(ticketNo, "sign")).status).toBe(422); // 已受理 cannot be signed

    let r = await act(ticketNo, "dispatch", { department: "西宁市城西区住建局" });
    expect(r.status).toBe(200);
    // 5 working days from Wed 30 Sep skip 1–7 Oct: 8, 9, 10 (make-up Saturday), 12, 13 Oct.
    expect(r.json.deadlines.replyDueAt).toBe("2026-10-13T15:59:59.999Z");
    expect(r.json.deadlines.signDueAt).toBe("2026-10-08T15:59:59.999Z");

    r = await act(ticketNo, "return", { reason: "井盖属于市政公司管理" });
    expect(r.json).toMatchObject({ status: "returned", dispatcherQueue: true, department: null });
    r = await act(ticketNo, "dispatch", { department: "西宁市市政公司" });
    expect(r.json.status).toBe("dispatched");
    expect((await act(ticketNo, "sign")).json.status).toBe("signed");
    expect((await act(ticketNo, "progress", { note: "已安排人员现场查看" })).json.status).toBe("in_progress");
    expect((await act(ticketNo, "progress", { note: "已订购新井盖" })).json.status).toBe("in_progress");

    expect((await act(ticketNo, "extension", { workdays: 11, reason: "需采购" })).status).toBe(422); // over the cap of 10
    expect((await act(ticketNo, "extension", { workdays: 3, reason: "需采购定制井盖" })).json.status).toBe("extension_requested");
    r = await act(ticketNo, "extension/decision", { approve: true });
    expect(r.json.status).toBe("extension_approved");
    expect(r.json.deadlines.replyDueAt).toBe("2026-10-16T15:59:59.999Z");

    r = await act(ticketNo, "reply", { replyText: "已更换新井盖，感谢您的反映。" });
    expect(r.json.status).toBe("replied");
    expect(h.notices.filter((n) => n.fields.complaintNo === ticketNo)).toHaveLength(1);

    const rate = await fetch(`${h.service.url}/api/v1/mp/complaints/${ticketNo}/rating`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ satisfaction: "不满意" }),
    });
    expect(((await rate.json()) as any).status).toBe("rated");
    let staffView = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json;
    expect(staffView).toMatchObject({ satisfaction: "不满意", rectification: "open" });
    expect(staffView.rectificationDueAt).toBeTruthy();

    expect((await act(ticketNo, "rectification/recheck", { passed: true, note: "现场复核井盖已固定" })).json.rectification).toBe("passed");
    expect((await act(ticketNo, "appeal", { reason: "市民对物业不满，与本单位无关" })).json.appeal).toBe("pending");
    expect((await act(ticketNo, "appeal", { reason: "再次申诉" })).status).toBe(409);
    expect((await act(ticketNo, "appeal/decision", { upheld: true, note: "评价对象错误，申诉成立" })).json.appeal).toBe("upheld");
    expect((await act(ticketNo, "close")).json.status).toBe("closed");
    expect((await act(ticketNo, "reopen", { reason: "又丢了" })).status).toBe(422); // 已办结 is terminal

    staffView = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json;
    const statuses = staffView.events.filter((e: any) => e.type === "status").map((e: any) => e.to);
    expect(statuses).toEqual(["dispatched", "returned", "dispatched", "signed", "in_progress", "extension_requested", "extension_approved", "replied", "rated", "closed"]);
    expect(staffView.events.find((e: any) => e.to === "returned").actor).toBe("machine:admin-token");
  });

  it("refuses a return after the window and a second extension; allows 重办 back to handling with new deadlines", async () => {
    clock.set(START);
    const { ticketNo } = await file("小区违章搭建影响采光，多次反映无果");
    await act(ticketNo, "dispatch", { department: "城西区城管局" });
    await act(ticketNo, "sign");
    clock.set("2026-10-10T02:00:00Z"); // return window (2 working days: 8 and 9 Oct) is over
    const late = await act(ticketNo, "return", { reason: "不归我们管" });
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe("return_window_closed");
    expect(late.json.error.message).toContain("退回时限已过");
    await act(ticketNo, "progress", { note: "已立案" });
    await act(ticketNo, "extension", { workdays: 2, reason: "需调查" });
    await act(ticketNo, "extension/decision", { approve: false });
    await act(ticketNo, "extension", { workdays: 2, reason: "仍需调查" }); // refused once: may ask again
    await act(ticketNo, "extension/decision", { approve: true });
    await act(ticketNo, "reply", { replyText: "已责令拆除" });
    const reopened = await act(ticketNo, "reopen", { reason: "并未拆除" });
    expect(reopened.json.status).toBe("reopened");
    clock.set("2026-10-12T02:00:00Z");
    expect(reopened.json.deadlines.dispatchedAt).toBe("2026-10-10T02:00:00.000Z"); // the clock restarts at 重办
    const again = await act(ticketNo, "progress", { note: "重新办理" });
    expect(again.json.status).toBe("in_progress");
    expect(again.json.deadlines).toEqual(reopened.json.deadlines);
    const second = await act(ticketNo, "extension", { workdays: 1, reason: "再延" });
    expect(second.status).toBe(422);
    expect(second.json.error.code).toBe("extension_already_used");
    expect(second.json.error.message).toContain("延期过一次");
  });

  it("fires the reminder, 督办 and escalation once each, however often and concurrently the scan runs", async () => {
    clock.set(START);
    const { ticketNo } = await file("工地夜间施工噪音太大影响休息");
    const d = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.deadlines;
    expect(d.replyDueAt).toBe("2026-10-13T15:59:59.999Z");
    const run = () => h.staff("POST", "/api/v1/admin/complaints/supervision/run");
    const count = async (type: string) =>
      (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.events.filter((e: any) => e.type === type).length;

    await run();
    expect(await count("reminder")).toBe(0);
    clock.set(d.reminderAt);
    await Promise.all([run(), run(), run()]);
    await run();
    expect(await count("reminder")).toBe(1);
    clock.set(d.supervisionAt);
    await Promise.all([run(), run()]);
    await run();
    expect(await count("supervision")).toBe(1);
    clock.set(d.escalationAt);
    await Promise.all([run(), run(), run()]);
    expect(await count("escalation")).toBe(1);
    expect((await h.staff("GET", "/api/v1/admin/complaints?overdue=true")).json.items.map((i: any) => i.ticketNo)).toContain(ticketNo);
  });

  it("does not 督办 a ticket answered on time and reopened after its old deadline: 重办 starts a new deadline set", async () => {
    clock.set(START);
    const { ticketNo } = await file("河道里漂着污水泡沫，气味刺鼻");
    const old = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.deadlines;
    expect(old.replyDueAt).toBeTruthy();
    await act(ticketNo, "sign");
    await act(ticketNo, "progress", { note: "已派人查看" });
    expect((await act(ticketNo, "reply", { replyText: "已清理河道" })).json.status).toBe("replied");
    const run = () => h.staff("POST", "/api/v1/admin/complaints/supervision/run");
    const stages = async () =>
      (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.events.filter((e: any) => ["reminder", "supervision", "escalation"].includes(e.type)).map((e: any) => e.type);

    const later = new Date(new Date(old.escalationAt).getTime() + 3_600_000).toISOString();
    clock.set(later);
    const reopened = await act(ticketNo, "reopen", { reason: "又有污水了" });
    expect(reopened.json.status).toBe("reopened");
    expect(reopened.json.deadlines.dispatchedAt).toBe(later);
    expect(new Date(reopened.json.deadlines.replyDueAt).getTime()).toBeGreaterThan(new Date(later).getTime());
    await run();
    expect(await stages()).toEqual([]);

    clock.set(reopened.json.deadlines.supervisionAt); // the new set still fires, once
    await run();
    await run();
    expect(await stages()).toEqual(["supervision"]);
  });

  it.runIf(db === "postgres")("fires once with two instances on one database", async () => {
    clock.set(START);
    const { ticketNo } = await file("小区垃圾桶满了没人清运，臭味很大");
    const d = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.deadlines;
    const other = await startComplaints(db, { now: clock.now, databaseUrl: h.service.ctx.config.DATABASE_URL! });
    try {
      clock.set(d.supervisionAt);
      await Promise.all([h.staff("POST", "/api/v1/admin/complaints/supervision/run"), other.staff("POST", "/api/v1/admin/complaints/supervision/run")]);
      const events = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.events;
      expect(events.filter((e: any) => e.type === "supervision")).toHaveLength(1);
    } finally {
      await other.service.stop();
    }
  });

  it("shows near-identical open complaints at the same place to the dispatcher, who merges them; a burst is a 热点", async () => {
    clock.set(START);
    const text = "城中区南大街的红绿灯坏了，路口交通很乱";
    const a = await file(text, { address: "西宁市城中区南大街" });
    const b = await file("城中区南大街的红绿灯坏了，路口交通很乱！", { address: "西宁市城中区南大街口" });
    const c = await file("南大街红绿灯坏了好几天，城中区路口交通很乱", { address: "西宁市城中区" });
    const view = (await h.staff("GET", `/api/v1/admin/complaints/${b.ticketNo}`)).json;
    expect(view.possibleDuplicates).toEqual([a.ticketNo]);
    expect(view.dispatcherQueue).toBe(true);
    const merged = await act(b.ticketNo, "merge", { intoTicketNo: a.ticketNo });
    expect(merged.json.status).toBe("merged");
    const target = (await h.staff("GET", `/api/v1/admin/complaints/${a.ticketNo}`)).json;
    expect(target.events.some((e: any) => e.type === "merge" && e.data.merged === b.ticketNo)).toBe(true);
    const hot = (await h.staff("GET", "/api/v1/admin/complaints/hot")).json.items;
    expect(hot.find((g: any) => g.ticketNos.includes(a.ticketNo))?.ticketNos).toEqual([a.ticketNo, b.ticketNo, c.ticketNo]);
  });

  it("publishes answered complaints with consent, anonymised; rating by link", async () => {
    clock.set(START);
    const { ticketNo } = await file("我叫李建国，住城东区八一路25号3单元502室，电话13812345678，身份证630102199001011234，楼下饭店油烟太大", {
      address: "西宁市城东区八一路25号",
      publicationConsent: true,
    });
    const hidden = await file("城北区某小区污水外溢好几天了", { publicationConsent: false });
    const reply = "已联系李建国先生（13812345678），责令饭店安装油烟净化器。";
    for (const t of [ticketNo, hidden.ticketNo]) {
      await act(t, "sign");
      await act(t, "progress", { note: "处理中" });
      expect((await act(t, "reply", { replyText: reply })).json.status).toBe("replied");
    }
    clock.advanceHours(3);
    await act(ticketNo, "publish", { publicInterest: true });
    await act(hidden.ticketNo, "publish", { publicInterest: true });
    // Marking is a change like any move: stamped by the service clock, not the wall clock.
    const marked = await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo } });
    expect(marked).toMatchObject({ publicInterest: true, updatedAt: clock.now() });

    const items = ((await fetch(`${h.service.url}/api/v1/complaints/public`).then((r) => r.json())) as any).items;
    expect(items.map((i: any) => i.ticketNo)).toEqual([ticketNo]);
    const shown = JSON.stringify(items[0]);
    for (const secret of ["李建国", "13812345678", "630102199001011234", "25号", "502"]) expect(shown).not.toContain(secret);
    expect(items[0].district).toBe("西宁市城东区");
    const html = await fetch(`${h.service.url}/complaints/public`).then((r) => r.text());
    expect(html).toContain("油烟");
    expect(html).not.toContain("13812345678");

    const link = `${h.service.url}/complaints/rate/${ticketNo}`;
    expect((await fetch(`${link}?t=wrong`)).status).toBe(403);
    const token = ratingToken(h.service.ctx, ticketNo);
    expect(await fetch(`${link}?t=${token}`).then((r) => r.text())).toContain('value="非常满意"');
    const rated = await fetch(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ t: token, satisfaction: "满意" }) });
    expect(await rated.text()).toContain("您已评价：满意");
  });
});
