import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notificationsCapability } from "../../src/notifications";
import { testDbKinds } from "../support/db";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { startComplaints, testClock, type Harness } from "./helpers";

const SUBSCRIBE = "/cgi-bin/message/subscribe/send";
const TEMPLATE = "tpl-mp-complaint";
const REPLY = "已电话联系您（13812345678），饭店已于本周安装油烟净化设备并通过检测，请评价";

describe.each(testDbKinds())("a staff reply reaches the mini-program citizen (%s)", (db) => {
  let fake: FakeWechat;
  let h: Harness;
  let ip = 0;
  // Replies are sent at 00:30 on New Year's Day in Shanghai, still the old year in UTC: the
  // notice must show the Shanghai time, converted once (issue 16, defect 12: it was 8 hours late).
  const clock = testClock("2025-12-31T16:30:00Z");
  beforeAll(async () => {
    fake = await startFakeWechat();
    h = await startComplaints(db, {
      now: clock.now,
      realNotify: true,
      capabilities: [notificationsCapability()],
      env: { MP_APPID: "wxmp-complaints", MP_APPSECRET: "mp-secret", MP_API_BASE: fake.url, MP_SUBSCRIBE_TEMPLATE_COMPLAINT: TEMPLATE, TRUST_PROXY: "loopback" },
    });
  });
  afterAll(async () => {
    await h?.service.stop();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(h.service.url + path, {
      method,
      headers: { "content-type": "application/json", "x-forwarded-for": `10.8.0.${++ip}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  /** wx.login through the fake WeChat server, then (or not) the citizen's answer to wx.requestSubscribeMessage. */
  const citizen = async (openid: string, accepts: boolean) => {
    fake.addLogin(`code-${openid}`, { openid });
    const login = await call("POST", "/api/v1/mp/login", undefined, { code: `code-${openid}` });
    expect(login.status).toBe(200);
    const token = login.json.token as string;
    const subs = await call("GET", "/api/v1/mp/subscriptions", token);
    expect(subs.json.templates).toEqual({ complaint: TEMPLATE });
    const answer = await call("POST", "/api/v1/mp/subscriptions", token, accepts ? { accepted: [TEMPLATE] } : { accepted: [], rejected: [TEMPLATE] });
    expect(answer.json.available[TEMPLATE]).toBe(accepts ? 1 : 0);
    return token;
  };
  const fileAndReply = async (token: string, text: string) => {
    const filed = await call("POST", "/api/v1/mp/complaints", token, { text, address: "西宁市城东区八一路" });
    expect(filed.status).toBe(201);
    const ticketNo = filed.json.ticketNo as string;
    for (const [action, body] of [["sign", {}], ["progress", { note: "已现场检查" }], ["reply", { replyText: REPLY }]] as const) {
      expect((await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/${action}`, body)).status).toBe(200);
    }
    await h.service.ctx.queue.drain();
    return ticketNo;
  };
  const notification = (ticketNo: string) => h.service.ctx.db.prisma.notification.findFirstOrThrow({ where: { dedupeKey: { startsWith: `complaint:${ticketNo}:reply:` } } });

  it("sends one subscribe message to the citizen's openid with the complaint template, short and masked fields, using their consent", async () => {
    const token = await citizen("o-mp-consent", true);
    const ticketNo = await fileAndReply(token, "楼下饭店油烟直排，窗户都不敢开");
    const sent = fake.accepted(SUBSCRIBE);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.body as { touser: string; template_id: string; page: string; data: Record<string, { value: string }> };
    expect(body).toMatchObject({ touser: "o-mp-consent", template_id: TEMPLATE, page: `pages/complaints/detail?ticketNo=${ticketNo}` });
    expect(body.data.thing1!.value).toBe("您反映的问题已有答复");
    expect(body.data.character_string2!.value).toBe(ticketNo);
    expect(body.data.phrase3!.value).toBe("已答复");
    expect(body.data.time4!.value).toBe("2026-01-01 00:30");
    // WeChat refuses a "thing" over 20 characters; the cut is marked, and nothing personal shows on the lock screen.
    const reply = body.data.thing5!.value;
    expect([...reply]).toHaveLength(20);
    expect(reply.endsWith("…")).toBe(true);
    expect(reply).toBe("已电话联系您（138****5678）…");
    expect(JSON.stringify(body)).not.toContain("13812345678");
    expect(await notification(ticketNo)).toMatchObject({ status: "sent" });
    // The acceptance is spent: WeChat allows one message per acceptance.
    expect((await call("GET", "/api/v1/mp/subscriptions", token)).json.available[TEMPLATE]).toBe(0);
  });

  it("sends nothing without consent; the reply is still in the citizen's own list and detail", async () => {
    const token = await citizen("o-mp-no-consent", false);
    const ticketNo = await fileAndReply(token, "小区门口饭店油烟太大，晚上呛得睡不着");
    expect(fake.calls(SUBSCRIBE)).toHaveLength(0);
    expect(await notification(ticketNo)).toMatchObject({ status: "skipped_no_consent" });
    const list = await call("GET", "/api/v1/mp/complaints", token);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ ticketNo, status: "replied", statusLabel: "已答复", replyText: REPLY, canRate: true });
    const detail = await call("GET", `/api/v1/mp/complaints/${ticketNo}`, token);
    expect(detail.json).toMatchObject({ replyText: REPLY, repliedAt: expect.any(String) });
    expect(detail.json.timeline.map((e: any) => e.status)).toEqual(["dispatched", "signed", "in_progress", "replied"]);
  });
});
