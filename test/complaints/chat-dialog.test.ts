import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleMessage, type ChatDeps } from "../../src/chat";
import { loadSession } from "../../src/chat/session";
import { MemoryStore } from "../../src/platform/store";
import { bindPhone } from "../../src/users";
import { t } from "../../src/platform/templates";
import { chatHarness } from "../chat/harness";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

const TICKET = /QH\d{14}/;
const say = (id: string, vars?: Record<string, string | number>) => t("complaints", "zh", `chat.${id}`, vars);

/**
 * Issue 19, dialogs: the complaint dialogue as conversations through the real chat handler
 * (handleMessage over the shipped guides, with the real complaints capability and database):
 * cancel at any step, a question at the address step, consent without a number, the summary
 * corrected field by field, help, the idle timeout, "我的投诉", and ratings at the wrong time.
 */
describe.each(testDbKinds())("complaint dialogue in chat (%s)", (db) => {
  let h: Harness;
  let deps: ChatDeps;
  const clock = testClock("2026-11-10T02:00:00Z");
  beforeAll(async () => {
    h = await startComplaints(db, { now: clock.now });
    // Sessions on the same clock, so the 30-minute session TTL can pass in a test.
    const chat = await chatHarness({ store: new MemoryStore(() => clock.now().getTime()) });
    deps = { ...chat.deps, commands: [h.cap.chatCommand] };
  }, 120_000);
  afterAll(async () => {
    await h?.service.stop();
  });

  /** A verified citizen (a signed Official Account message, or a mini-program session). */
  const citizen = (userId: string, channel: "wechat" | "miniprogram" = "wechat") => async (text: string) => {
    clock.advanceHours(1 / 360); // 10 s between messages
    const r = await handleMessage(deps, { kind: "text", channel, userId, verified: true, text, receivedAt: clock.now() });
    return r.kind === "text" ? r.text : "";
  };
  const draftOf = async (userId: string, channel = "wechat") => ((await loadSession(deps.store, channel, userId)).session as { complaintDraft?: unknown }).complaintDraft;
  const ticketsOf = (openid: string) => h.service.ctx.db.prisma.complaint.findMany({ where: { openid } });
  const decrypt = (v: string | null) => (v ? h.service.ctx.crypto.decrypt(v) : null);

  it("'算了我不投诉了', '取消', '不投了' cancel at every step; nothing is filed and the words are never the complaint", async () => {
    const steps = ["我要投诉", "小区门口的路灯坏了一个月了", "西宁市城西区五四西路", "上个月开始", "否"];
    const leave = ["算了我不投诉了", "取消", "不投了", "不想投诉了", "算了"];
    for (let at = 1; at <= steps.length; at++) {
      const id = `o_cancel_${db}_${at}`;
      const c = citizen(id);
      for (const s of steps.slice(0, at)) await c(s);
      expect(await c(leave[at - 1]!)).toBe(say("cancelled"));
      expect(await draftOf(id)).toBeUndefined();
      expect(await ticketsOf(id)).toEqual([]);
    }
    // A description that starts with 取消 is a description.
    const c = citizen(`o_cancel_${db}_text`);
    await c("我要投诉");
    expect(await c("取消了我们小区门口的公交站，出行很不方便")).toBe(say("ask_where"));
  });

  it("a question at the address step is answered, never stored as the address; the dialogue then goes on", async () => {
    const id = `o_question_${db}`;
    const c = citizen(id);
    await c("投诉 楼下饭店油烟直排，窗户都不敢开");
    const answer = await c("驾照丢了咋补");
    expect(answer).toContain("机动车驾驶证补领");
    expect(answer).toContain(say("resume", { kind: "投诉", prompt: say("ask_where") }));
    expect(await c("西宁市城中区南大街")).toBe(say("ask_when"));
    expect(await c("营业执照在哪办？")).toContain("还没有提交");
    expect(await c("昨天晚上")).toBe(say("ask_consent"));
    await c("否");
    expect(await c("确认")).toMatch(TICKET);
    const [ticket] = await ticketsOf(id);
    expect(ticket).toMatchObject({ address: "西宁市城中区南大街", occurredText: "昨天晚上", contactConsent: false });
  });

  it("consent without a number asks for it (again when mistyped); the summary masks it; help explains the step", async () => {
    const id = `o_phone_${db}`;
    const c = citizen(id);
    await c("我要投诉");
    await c("单位拖欠工资三个月了，老板不接电话");
    expect(await c("帮助")).toContain(say("ask_where"));
    await c("不清楚");
    await c("不清楚");
    expect(await c("是")).toBe(say("ask_phone"));
    expect(await c("1391234")).toBe(say("ask_phone_again"));
    const summary = await c("13912345678");
    expect(summary).toContain("139****5678");
    expect(summary).not.toContain("13912345678");
    expect(summary).toContain("地点：未填写");
    expect(await c("确认")).toMatch(TICKET);
    const [ticket] = await ticketsOf(id);
    expect(ticket).toMatchObject({ contactConsent: true, address: null });
    expect(decrypt(ticket!.contactPhoneEnc)).toBe("13912345678");
  });

  it("consent in the mini-program uses the phone the citizen bound there", async () => {
    const user = await h.service.ctx.db.prisma.user.create({ data: { mpOpenid: `mp_bound_${db}` } });
    await bindPhone(h.service.ctx, user.id, "13700001111");
    const c = citizen(user.id, "miniprogram");
    await c("我要投诉 公交站台顶棚被大风刮坏了，下雨没法等车");
    await c("西宁市城东区八一路站");
    await c("前天");
    const summary = await c("可以");
    expect(summary).toContain(say("contact_bound", { phone: "137****1111" }));
    expect(await c("确认")).toMatch(TICKET);
    const ticket = await h.service.ctx.db.prisma.complaint.findFirstOrThrow({ where: { userId: user.id } });
    expect(ticket).toMatchObject({ channel: "miniprogram", contactConsent: true });
    expect(decrypt(ticket.contactPhoneEnc)).toBe("13700001111");
  });

  it("the summary is corrected field by field ('改地址 …', '修改' then a choice, '改电话 …') before filing", async () => {
    const id = `o_correct_${db}`;
    const c = citizen(id);
    await c("我要投诉");
    await c("小区垃圾一个星期没人清运气味很大");
    await c("西宁市城西区");
    await c("上周");
    expect(await c("13800138000")).toContain(say("summary", { kind: "投诉", text: "小区垃圾一个星期没人清运气味很大", address: "西宁市城西区", when: "上周", contact: say("contact_phone", { phone: "138****8000" }) }));
    expect(await c("改地址 西宁市城北区柴达木路88号")).toContain("地点：西宁市城北区柴达木路88号");
    expect(await c("修改")).toBe(say("ask_field"));
    expect(await c("3")).toBe(say("ask_field_value.occurredText"));
    expect(await c("这周一开始")).toContain("时间：这周一开始");
    expect(await c("改电话 13600136000")).toContain("136****6000");
    expect(await c("改内容 太臭")).toBe(say("ask_what_again"));
    expect(await c("小区垃圾十天没人清运气味很大")).toContain("内容：小区垃圾十天没人清运");
    expect(await c("嗯？")).toContain("请核对"); // anything else shows the summary again
    expect(await c("确认")).toMatch(TICKET);
    const [ticket] = await ticketsOf(id);
    expect(ticket).toMatchObject({ text: "小区垃圾十天没人清运气味很大", address: "西宁市城北区柴达木路88号", occurredText: "这周一开始", contactConsent: true });
    expect(decrypt(ticket!.contactPhoneEnc)).toBe("13600136000");
  });

  it("an idle dialogue times out with the session; the next message says so, once, and nothing was filed", async () => {
    const id = `o_timeout_${db}`;
    const c = citizen(id);
    await c("我要投诉");
    await c("路口红绿灯坏了好几天了");
    clock.advanceHours(0.6); // 36 minutes: the session (30 minutes) is gone
    const next = await c("西宁市城西区胜利路口");
    expect(next.startsWith(say("timed_out"))).toBe(true);
    expect(await draftOf(id)).toBeUndefined();
    expect(await c("西宁市城西区胜利路口")).not.toContain(say("timed_out"));
    expect(await ticketsOf(id)).toEqual([]);
  });

  it("'我的投诉' lists mine with status and due date; rating before the reply or twice is explained plainly", async () => {
    const id = `o_mine_${db}`;
    const c = citizen(id);
    expect(await c("我的投诉")).toBe(say("mine_none"));
    await c("投诉 小区旁边工地晚上十二点还在施工，噪音很大");
    await c("西宁市城东区");
    await c("这几天");
    await c("否");
    const ticketNo = TICKET.exec(await c("确认"))![0];
    const row = (await ticketsOf(id))[0]!;
    for (const q of ["我的投诉", "我的工单", "我的投诉怎么样了", "我投诉的事怎么样了"]) {
      const list = await c(q);
      expect(list).toContain(ticketNo);
      expect(list).toContain("已派单");
      expect(list).toContain("2026-11-"); // the reply deadline
    }
    expect(await citizen(`o_mine_other_${db}`)("我的投诉")).toBe(say("mine_none"));
    const early = await c(`评价 ${ticketNo} 5`);
    expect(early).toContain("工单答复后即可评价");
    expect(early).not.toMatch(/不能从|变更为/);
    // Extension approved: the citizen sees the new due date.
    for (const [step, body] of [["sign", {}], ["progress", { note: "已现场查看" }], ["extension", { workdays: 3, reason: "需协调夜间执法" }], ["extension/decision", { approve: true }]] as const) {
      expect((await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/${step}`, body)).status).toBe(200);
    }
    const extended = (await h.service.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo } })).replyDueAt!;
    expect(extended.getTime()).toBeGreaterThan(row.replyDueAt!.getTime());
    const status = await c(`工单 ${ticketNo}`);
    expect(status).toContain("延期已批准");
    expect(status).toContain("已批准延期3个工作日");
    expect(status).toContain(new Date(extended.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
    expect((await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/reply`, { replyText: "已责令夜间停工" })).status).toBe(200);
    expect(await c(`评价 ${ticketNo} 5`)).toContain("非常满意");
    const twice = await c(`评价 ${ticketNo} 1`);
    expect(twice).toContain("已评价过");
    expect(twice).not.toMatch(/不能从|变更为/);
  });
});
