import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/platform/templates";
import { bindPhone, findOrCreateUserByOpenid } from "../../src/users";
import { startChatDoors, type ChatDoors } from "../support/chat-doors";
import type { TestService } from "../support/service";

const ADMIN = "staff-token-dialogs";
const TICKET = /QH\d{14}/;
const say = (id: string, vars?: Record<string, string | number>) => t("complaints", "zh", `chat.${id}`, vars);

/**
 * Issue 19, dialogs, through the real doors: signed messages to /wechat (the Official Account)
 * and /api/v1/ask with a mini-program session, on the whole service (every capability, the
 * shipped templates, a shipped guide): the complaint dialogue's exits and corrections,
 * "我的投诉", "进度 <工单号>", ratings at the wrong time, the new due date after an extension.
 */
describe("complaint dialogues through the WeChat door and the mini-program chat", () => {
  let svc: TestService;
  let doors: ChatDoors;
  let oa: ChatDoors["oa"];
  beforeAll(async () => {
    // A fixed clock, before the 2027 calendar is needed.
    doors = await startChatDoors({ mpAppid: "wxmp-dialogs", adminToken: ADMIN, startAt: "2026-11-10T02:00:00Z" });
    ({ svc, oa } = doors);
  }, 120_000);
  afterAll(() => doors?.stop());

  const mp = (token: string) => async (question: string) => {
    const r = await fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ question }) });
    expect(r.status).toBe(200);
    return ((await r.json()) as { text: string }).text;
  };
  const staff = (ticket: string, step: string, body: unknown = {}) =>
    fetch(`${svc.url}/api/v1/admin/complaints/${ticket}/${step}`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const complaint = (ticketNo: string) => svc.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo } });

  it("Official Account: cancel, a question at the address step, a correction, then '我的投诉', '进度 <工单号>', an early rating and the extended due date", async () => {
    const me = oa("o_dialogs_citizen");
    await me("我要投诉");
    await me("小区门口的路灯坏了一个月了");
    expect(await me("算了我不投诉了")).toBe(say("cancelled"));
    expect(await svc.ctx.db.prisma.complaint.count({ where: { openid: "o_dialogs_citizen" } })).toBe(0);

    await me("投诉 小区门口的路灯坏了一个月了晚上很黑");
    const answered = await me("驾照丢了咋补");
    expect(answered).toContain("机动车驾驶证补领");
    expect(answered).toContain("还没有提交");
    await me("西宁市城西区五四西路");
    await me("上个月开始");
    expect(await me("看情况")).toBe(say("ask_consent_again"));
    expect(await me("可以，打我电话")).toBe(say("ask_phone"));
    expect(await me("13912345678")).toContain("139****5678");
    expect(await me("地址不对")).toBe(say("ask_field_value.address"));
    expect(await me("西宁市城西区五四西路16号")).toContain("地点：西宁市城西区五四西路16号");
    expect(await me("改地址 西宁市城西区五四西路18号")).toContain("地点：西宁市城西区五四西路18号");
    const ticketNo = TICKET.exec(await me("确认"))![0];
    expect(await complaint(ticketNo)).toMatchObject({ channel: "wechat", openid: "o_dialogs_citizen", address: "西宁市城西区五四西路18号", contactConsent: true });

    for (const q of ["我的投诉", "我的工单", "我的投诉怎么样了", "我的投诉处理到哪了", "查投诉进度"]) {
      const list = await me(q);
      expect(list).toContain(ticketNo);
      expect(list).toMatch(/答复/);
    }
    const progress = await me(`进度 ${ticketNo}`);
    expect(progress).toContain(`工单 ${ticketNo}`);
    expect(progress).not.toContain(t("applications", "zh", "chat.invalid_number"));
    // "查进度" asks for a number; a ticket's number sent then is the ticket, not a malformed application number.
    await me("查进度");
    expect(await me(ticketNo)).toBe(progress);
    const early = await me(`评价 ${ticketNo} 满意`);
    expect(early).toContain("工单答复后即可评价");
    expect(early).not.toMatch(/不能从|变更为/);

    const before = (await complaint(ticketNo)).replyDueAt!;
    const row = await complaint(ticketNo);
    if (row.status === "accepted") expect((await staff(ticketNo, "dispatch", { department: "西宁市城西区住房和城乡建设局" })).status).toBe(200);
    for (const [step, body] of [["sign", {}], ["progress", { note: "已派人查看" }], ["extension", { workdays: 2, reason: "需更换线路" }], ["extension/decision", { approve: true }]] as const) {
      expect((await staff(ticketNo, step, body)).status).toBe(200);
    }
    const after = (await complaint(ticketNo)).replyDueAt!;
    expect(after.getTime()).toBeGreaterThan((before ?? new Date(0)).getTime());
    const day = new Date(after.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await me(`进度 ${ticketNo}`)).toContain(day);
    expect(await me("我的投诉")).toContain(day);
    expect(await oa("o_dialogs_stranger")(`进度 ${ticketNo}`)).toContain("没有找到");
  });

  it("mini-program chat knows who is logged in: files as them (bound phone), lists it, notifies them, shows their application's progress without the last 4 digits; a person asked for gets the hotline and hours", async () => {
    const r = await fetch(`${svc.url}/api/v1/mp/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "dialogs-mp" }) });
    const { token, user } = (await r.json()) as { token: string; user: { id: string } };
    await bindPhone(svc.ctx, user.id, "13700001111");
    const me = mp(token);
    await me("我要投诉");
    await me("公交站台的顶棚被大风刮坏了");
    await me("西宁市城东区八一路站");
    await me("前天");
    expect(await me("同意")).toContain(say("contact_bound", { phone: "137****1111" }));
    const ticketNo = TICKET.exec(await me("确认"))![0];
    expect(await complaint(ticketNo)).toMatchObject({ channel: "miniprogram", userId: user.id, contactConsent: true });
    expect(await me("我的投诉")).toContain(ticketNo);
    // Staff reply: the notice goes to this user (the mini-program's subscribe message path).
    const row = await complaint(ticketNo);
    if (row.status === "accepted") expect((await staff(ticketNo, "dispatch", { department: "西宁市城东区交通运输局" })).status).toBe(200);
    for (const [step, body] of [["sign", {}], ["progress", { note: "已派人查看" }], ["reply", { replyText: "顶棚已更换" }]] as const) {
      expect((await staff(ticketNo, step, body)).status).toBe(200);
    }
    let notice = null;
    for (let i = 0; i < 40 && !notice; i++) {
      notice = await svc.ctx.db.prisma.notification.findFirst({ where: { userId: user.id, kind: "complaint_reply" } });
      if (!notice) await new Promise((r) => setTimeout(r, 50));
    }
    expect(notice).not.toBeNull();
    expect(await me(`评价 ${ticketNo} 5`)).toContain("非常满意");
    // An application the upstream system filed under the phone this user bound (no user id, no
    // openid): their progress, at once, with no last 4 digits asked.
    const filed = await fetch(`${svc.url}/api/v1/admin/applications`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ itemCode: "QH-630100-CGS-001", applicant: { name: "李四", idNumber: "630102199001011234", phone: "13700001111" } }),
    });
    expect(filed.status).toBe(201);
    const { number } = (await filed.json()) as { number: string };
    const progress = await me(`进度 ${number}`);
    expect(progress).toContain("当前状态");
    expect(progress).not.toContain(t("applications", "zh", "chat.ask_last4"));
    // A person, asked for in the mini-program: the hotline and its hours, never a promised transfer.
    for (const q of ["我要找人工客服", "人工客服在吗"]) expect(await me(q)).toBe(t("chat", "zh", "human.hotline", { hotline: "12345", hours: t("chat", "zh", "human.hours_workdays", { start: "9:00", end: "17:00" }) }));
  });
  it("one person on both doors (a unionid links them) sees the tickets filed on either, in either", async () => {
    // Known to the Official Account with a unionid; the mini-program login with the same unionid is the same user.
    await findOrCreateUserByOpenid(svc.ctx, { oaOpenid: "o_dialogs_linked", unionid: "u_dialogs_linked" });
    doors.fake.addLogin("dialogs-linked", { openid: "mp_dialogs_linked", unionid: "u_dialogs_linked" });
    const r = await fetch(`${svc.url}/api/v1/mp/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "dialogs-linked" }) });
    const { token } = (await r.json()) as { token: string };
    const inMp = mp(token);
    const inOa = oa("o_dialogs_linked");
    const file = async (say: (q: string) => Promise<string>, what: string) => {
      for (const m of ["我要投诉", what, "西宁市城中区南大街", "昨天", "否"]) await say(m);
      return TICKET.exec(await say("确认"))![0];
    };
    const fromMp = await file(inMp, "人行道上的井盖丢了，很危险");
    const fromOa = await file(inOa, "小区里的垃圾三天没人清运了");
    for (const say of [inMp, inOa]) {
      const list = await say("我的投诉");
      expect(list).toContain(fromMp);
      expect(list).toContain(fromOa);
    }
    expect(await inOa(`工单 ${fromMp}`)).toContain(`工单 ${fromMp}`);
    expect(await inMp(`工单 ${fromOa}`)).toContain(`工单 ${fromOa}`);
    expect(await oa("o_dialogs_unlinked")(`工单 ${fromMp}`)).toContain("没有找到");
  });
});
