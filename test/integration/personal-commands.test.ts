import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/platform/templates";
import { startChatDoors, type ChatDoors } from "../support/chat-doors";
import type { TestService } from "../support/service";

const ADMIN = "staff-token-personal";
const ITEM = "QH-630100-CGS-001";
const REFUSAL_ZH = t("chat", "zh", "identity_required", { hotline: "12345" });
const REFUSAL_BO = t("chat", "bo", "identity_required", { hotline: "12345" });
const TICKET = /QH\d{14}/;

/**
 * Issue 16, defect 11: ticket status, rating, filing a complaint and application progress act
 * for a person, so they run only for a sender the channel verified — a signed Official Account
 * message (through the real /wechat endpoint) or a mini-program session on /api/v1/ask. The
 * anonymous /api/v1/ask refuses them politely, whatever sessionId it is sent: a sessionId keys
 * the conversation's context and names no one.
 */
describe("personal chat commands need a verified sender, on every channel", () => {
  let svc: TestService;
  let doors: ChatDoors;
  let oa: ChatDoors["oa"];
  beforeAll(async () => {
    // A fixed clock, before the 2027 calendar is needed.
    doors = await startChatDoors({ mpAppid: "wxmp-personal", adminToken: ADMIN, startAt: "2026-11-10T02:00:00Z" });
    ({ svc, oa } = doors);
  }, 120_000);
  afterAll(() => doors?.stop());

  /** /api/v1/ask, anonymous or with a mini-program session. */
  const ask = async (body: { question: string; sessionId?: string; lang?: "zh" | "bo" }, token?: string) => {
    const r = await fetch(`${svc.url}/api/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(200);
    return (await r.json()) as { text: string; itemCode: string | null; aspect: string | null };
  };
  const anon = (sessionId?: string) => async (question: string) => (await ask({ question, sessionId })).text;
  const mp = (token: string, sessionId?: string) => async (question: string) => (await ask({ question, sessionId }, token)).text;
  const login = async (code: string) => {
    const r = await fetch(`${svc.url}/api/v1/mp/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
    expect(r.status).toBe(200);
    const b = (await r.json()) as { token: string; user: { id: string } };
    return { token: b.token, userId: b.user.id };
  };

  const fileComplaint = async (say: (q: string) => Promise<string>, what: string) => {
    expect(await say("我要投诉")).toMatch(/描述/);
    await say(what);
    await say("西宁市城西区五四西路");
    await say("上个月开始");
    expect(await say("否")).toContain("请核对");
    const done = await say("确认");
    expect(done).toMatch(TICKET);
    return TICKET.exec(done)![0];
  };
  const staff = (ticket: string, step: string, body: unknown = {}) =>
    fetch(`${svc.url}/api/v1/admin/complaints/${ticket}/${step}`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  /** Staff take the ticket through to a reply (it can be rated then). */
  const replied = async (ticket: string, replyText: string) => {
    const row = await complaint(ticket);
    if (row.status === "accepted") expect((await staff(ticket, "dispatch", { department: "西宁市城西区住房和城乡建设局" })).status).toBe(200);
    expect((await staff(ticket, "sign")).status).toBe(200);
    expect((await staff(ticket, "progress", { note: "已派人现场查看" })).status).toBe(200);
    expect((await staff(ticket, "reply", { replyText })).status).toBe(200);
  };
  const complaint = (ticketNo: string) => svc.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo } });
  const application = async (owner: { oaOpenid: string } | { userId: string }) => {
    const r = await fetch(`${svc.url}/api/v1/admin/applications`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ itemCode: ITEM, applicant: { name: "张三丰", idNumber: "630102199001011234", phone: "13912345678" }, ...owner }),
    });
    expect(r.status, await r.clone().text()).toBe(201);
    return ((await r.json()) as { number: string }).number;
  };

  it("Official Account: the sender files, follows, rates their own ticket and sees their progress; another openid learns nothing", async () => {
    const owner = oa("o_personal_owner");
    const other = oa("o_personal_other");
    const ticket = await fileComplaint(owner, "小区门口的路灯坏了一个月了，晚上很黑");
    expect(await complaint(ticket)).toMatchObject({ channel: "wechat", openid: "o_personal_owner" });
    await replied(ticket, "路灯已于本周修复，感谢您的反映。");

    expect(await owner(`工单 ${ticket}`)).toContain("路灯已于本周修复");
    expect(await other(`工单 ${ticket}`)).toContain("没有找到");
    expect(await other(`评价 ${ticket} 非常不满意`)).toContain("没有找到");
    expect(await complaint(ticket)).toMatchObject({ satisfaction: null, rectification: "none" });
    expect(await owner(`评价 ${ticket} 5`)).toContain("非常满意");
    expect((await complaint(ticket)).satisfaction).toBe("非常满意");

    const number = await application({ oaOpenid: "o_personal_owner" });
    expect(await owner(`进度 ${number}`)).toContain("当前状态");
    // Not the owner: the last 4 digits of the applicant's phone or ID are asked, nothing shown.
    const stranger = await other(`进度 ${number}`);
    expect(stranger).toContain("后 4 位");
    expect(stranger).not.toContain("当前状态");
  });

  it("mini-program session on /api/v1/ask: the signed-in user acts as themselves, never as the sessionId sent", async () => {
    const m = await login("personal-m");
    const n = await login("personal-n");
    // M sends someone else's id as sessionId: it is ignored, the session decides.
    const me = mp(m.token, "o_personal_owner");
    const ticket = await fileComplaint(me, "公交站台的顶棚被大风刮坏了，下雨没法等车");
    expect(await complaint(ticket)).toMatchObject({ channel: "miniprogram", userId: m.userId, openid: null });
    const mine = await fetch(`${svc.url}/api/v1/mp/complaints`, { headers: { authorization: `Bearer ${m.token}` } });
    expect(JSON.stringify(await mine.json())).toContain(ticket);
    await replied(ticket, "站台顶棚已更换。");

    expect(await me(`工单 ${ticket}`)).toContain("站台顶棚已更换");
    // N, even naming M's user id as the sessionId, is N.
    const notMe = mp(n.token, m.userId);
    expect(await notMe(`工单 ${ticket}`)).toContain("没有找到");
    expect(await notMe(`评价 ${ticket} 非常不满意`)).toContain("没有找到");
    expect(await complaint(ticket)).toMatchObject({ satisfaction: null, rectification: "none" });
    expect(await me(`评价 ${ticket} 1`)).toContain("整改");
    expect(await complaint(ticket)).toMatchObject({ satisfaction: "非常不满意" });
    expect((await complaint(ticket)).rectification).not.toBe("none");

    const number = await application({ userId: m.userId });
    expect(await me(`进度 ${number}`)).toContain("当前状态");
    expect(await notMe(`进度 ${number}`)).not.toContain("当前状态");

    // The signed-in user's conversation keeps its context.
    expect((await ask({ question: "驾照丢了咋补" }, m.token)).itemCode).toBe(ITEM);
    expect(await ask({ question: "要多少钱" }, m.token)).toMatchObject({ itemCode: ITEM, aspect: "fees" });
  });

  it("anonymous /api/v1/ask: every personal command refuses politely, even with the owner's id as sessionId; questions keep their context", async () => {
    const ownerOa = oa("o_personal_victim");
    const oaTicket = await fileComplaint(ownerOa, "楼下饭店油烟直排，窗户都不敢开");
    await replied(oaTicket, "已责令饭店安装油烟净化设备。");
    const number = await application({ oaOpenid: "o_personal_victim" });
    // The attack as reported: the openid a ticket was filed under, sent as the sessionId.
    const attacker = anon("o_personal_victim");
    expect(await attacker(`工单 ${oaTicket}`)).not.toContain("油烟净化设备");
    expect(await attacker(`评价 ${oaTicket} 非常不满意`)).toBe(REFUSAL_ZH);
    expect(await complaint(oaTicket)).toMatchObject({ satisfaction: null, rectification: "none" });

    const m = await login("personal-victim-mp");
    const mpTicket = await fileComplaint(mp(m.token), "小区垃圾一个星期没人清运，气味很大");
    await replied(mpTicket, "已安排每日清运。");
    for (const [sessionId, ticket] of [["o_personal_victim", oaTicket], [m.userId, mpTicket], [undefined, oaTicket]] as const) {
      const as = anon(sessionId);
      expect(await as(`工单 ${ticket}`)).toBe(REFUSAL_ZH);
      expect(await as(`评价 ${ticket} 非常不满意`)).toBe(REFUSAL_ZH);
      expect(await as(`评价 ${ticket} 1`)).toBe(REFUSAL_ZH);
      expect(await as(`进度 ${number}`)).toBe(REFUSAL_ZH);
      expect(await as("查进度")).toBe(REFUSAL_ZH);
      expect(await complaint(ticket)).toMatchObject({ satisfaction: null, rectification: "none" });
    }
    // Filing as someone: refused, nothing filed, no dialogue started.
    const before = await svc.ctx.db.prisma.complaint.count();
    const as = anon("o_personal_victim");
    expect(await as("我要投诉")).toBe(REFUSAL_ZH);
    expect(await as("投诉 小区路灯坏了一个月了没人修")).toBe(REFUSAL_ZH);
    expect(await as("小区门口的路灯坏了一个月了")).not.toMatch(/哪里|什么时候/);
    expect(await svc.ctx.db.prisma.complaint.count()).toBe(before);
    // In Tibetan where the chat has Tibetan; an invalid session token is no identity either.
    expect((await ask({ question: `工单 ${oaTicket}`, sessionId: "o_personal_victim", lang: "bo" })).text).toBe(REFUSAL_BO);
    expect(REFUSAL_BO).toMatch(/[\u0F00-\u0FFF]/);
    expect((await ask({ question: `工单 ${oaTicket}` }, "not-a-valid-session-token-000000")).text).toBe(REFUSAL_ZH);

    // The owners still have theirs.
    expect(await ownerOa(`工单 ${oaTicket}`)).toContain("油烟净化设备");
    expect(await mp(m.token)(`工单 ${mpTicket}`)).toContain("每日清运");

    // Questions and follow-ups work anonymously, keyed by the sessionId.
    expect((await ask({ question: "驾照丢了咋补", sessionId: "anon-ctx" })).itemCode).toBe(ITEM);
    expect(await ask({ question: "要多少钱", sessionId: "anon-ctx" })).toMatchObject({ itemCode: ITEM, aspect: "fees" });
  });
});
