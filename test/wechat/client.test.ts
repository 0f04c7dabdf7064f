import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { KeyValueStore } from "../../src/platform/store";
import {
  createMiniProgramClient,
  createWechatCapability,
  createWechatClient,
  CUSTOMER_MESSAGE_JOB,
  loadMenu,
  TEMPLATE_MESSAGE_JOB,
  WechatApiError,
  type CustomerMessagePayload,
  type TemplateMessagePayload,
} from "../../src/wechat";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { startTestService, type TestService } from "../support/service";
import { createTestStore } from "../support/store";
import { APPID, SECRET, wechatEnv } from "./helpers";

let fake: FakeWechat;
beforeAll(async () => void (fake = await startFakeWechat({ apps: { [APPID]: SECRET, wxMINIPROGRAM0001: "mp_secret" } })));
afterAll(() => fake?.close());
beforeEach(() => fake.reset());

const CS = "/cgi-bin/message/custom/send";
const tokensUsed = () => new Set(fake.calls(CS).map((r) => r.query.access_token));

describe("access token shared through Redis", () => {
  let store: KeyValueStore;
  beforeEach(() => void (store = createTestStore("redis")));
  afterEach(() => store.close());
  const client = () => createWechatClient({ appId: APPID, appSecret: SECRET, apiBase: fake.url, store });

  it("is fetched once when two instances race for it", async () => {
    fake.delay("/cgi-bin/stable_token", 200);
    const [a, b] = [client(), client()];
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).sendText("o1", `msg ${i}`)));
    expect(fake.tokenFetches()).toBe(1);
    expect(fake.calls(CS)).toHaveLength(10);
    expect(tokensUsed().size).toBe(1);
  });

  it("is refetched after 40001 and the call retried, and the other instance picks up the new token", async () => {
    const [a, b] = [client(), client()];
    await a.sendText("o1", "first");
    fake.invalidateTokens();
    await a.sendText("o1", "second");
    await b.sendText("o1", "third");
    expect(fake.calls(CS).map((r) => (r.body as { text: { content: string } }).text.content)).toEqual(["first", "second", "second", "third"]);
    expect(fake.counters.stableToken).toBe(2);
    expect(fake.counters.forceRefresh).toBe(0);
  });

  it("forces a refresh only when stable_token hands back the token WeChat just rejected", async () => {
    const a = client();
    await a.sendText("o1", "warm up");
    fake.failNext(CS, { errcode: 40001 });
    await a.sendText("o1", "after 40001");
    expect(fake.counters.forceRefresh).toBe(1);
    expect(tokensUsed().size).toBe(2);
  });

  it("recovers from 42001 (expired) the same way", async () => {
    const a = client();
    await a.sendText("o1", "x");
    fake.expireTokens();
    await a.sendText("o1", "y");
    expect(fake.counters.stableToken).toBe(2);
  });
});

describe("client wrappers", () => {
  let store: KeyValueStore;
  beforeAll(() => void (store = createTestStore("memory")));
  afterAll(() => store.close());

  it("turns errcodes into WechatApiError with permanence", async () => {
    const c = createWechatClient({ appId: APPID, appSecret: SECRET, apiBase: fake.url, store });
    fake.failNext(CS, { errcode: 45015, errmsg: "response out of time limit" });
    const err = await c.sendText("o1", "late").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err).toMatchObject({ errcode: 45015, permanent: true });
    fake.failNext(CS, { status: 502 });
    expect(await c.sendText("o1", "x").catch((e: unknown) => e)).toMatchObject({ errcode: undefined, permanent: false });
  });

  it("publishes the menu from templates with PUBLIC_BASE_URL filled in", async () => {
    const c = createWechatClient({ appId: APPID, appSecret: SECRET, apiBase: fake.url, store });
    const { menu } = loadMenu("https://zw.qinghai.example/");
    await c.createMenu(menu);
    const body = fake.calls("/cgi-bin/menu/create")[0]!.body as { button: { name: string; sub_button?: { url?: string }[] }[] };
    expect(body.button.map((b) => b.name)).toEqual(["办事指南", "进度查询", "互动服务"]);
    expect(body.button[0]!.sub_button![0]!.url).toBe("https://zw.qinghai.example/guides");
  });

  it("serves the mini-program: code2Session, phone number, subscribe message with miniprogram_state", async () => {
    const mp = createMiniProgramClient({ appId: "wxMINIPROGRAM0001", appSecret: "mp_secret", apiBase: fake.url, store });
    fake.addLogin("code-1", { openid: "o_mp_1", unionid: "u_1", session_key: "sk" });
    fake.addPhone("phone-1", "13800000000");
    expect(await mp.code2Session("code-1")).toEqual({ openid: "o_mp_1", unionid: "u_1", sessionKey: "sk" });
    expect(await mp.code2Session("code-1").catch((e: unknown) => e)).toMatchObject({ errcode: 40163 });
    expect(await mp.code2Session("nope").catch((e: unknown) => e)).toMatchObject({ errcode: 40029, permanent: true });
    expect(await mp.getPhoneNumber("phone-1")).toEqual({ phoneNumber: "13800000000", purePhoneNumber: "13800000000", countryCode: "86" });
    await mp.sendSubscribeMessage({ openid: "o_mp_1", templateId: "tpl", page: "pages/a", data: { thing1: { value: "受理" } }, state: "trial" });
    expect(fake.calls("/cgi-bin/message/subscribe/send")[0]!.body).toMatchObject({ touser: "o_mp_1", miniprogram_state: "trial", lang: "zh_CN" });
    // its own appid, so its own token
    expect(fake.calls("/cgi-bin/stable_token").map((r) => (r.body as { appid: string }).appid)).toContain("wxMINIPROGRAM0001");
  });
});

describe("notification jobs", () => {
  let svc: TestService;
  const failedJobs = () => svc.ctx.db.prisma.failedJob.findMany({ orderBy: { id: "asc" } });
  beforeAll(async () => {
    svc = await startTestService({
      capabilities: [createWechatCapability({ handleMessage: async () => ({ kind: "none" }) })],
      env: wechatEnv("plain", fake.url),
    });
  });
  afterAll(() => svc?.stop());
  beforeEach(() => svc.ctx.db.prisma.failedJob.deleteMany());
  const enqueueCs = (text: string, opts = {}) =>
    svc.ctx.queue.enqueue<CustomerMessagePayload>(CUSTOMER_MESSAGE_JOB, { openid: "o_job", text }, { backoffMs: 20, ...opts });

  it("records 45015 (48-hour window closed) at once and does not retry it", async () => {
    fake.failAlways(CS, { errcode: 45015, errmsg: "response out of time limit or subscription is canceled" });
    await enqueueCs("too late");
    await svc.ctx.queue.drain(5000);
    fake.clearFailures();
    expect(fake.calls(CS)).toHaveLength(1);
    const rows = await failedJobs();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: CUSTOMER_MESSAGE_JOB, attempts: 1, payload: { openid: "o_job", text: "too late" } });
    expect(rows[0]!.error).toContain("45015");
  });

  it("retries transient failures with backoff and succeeds", async () => {
    fake.failNext(CS, { status: 502 }, 2);
    await enqueueCs("eventually");
    await svc.ctx.queue.drain(5000);
    expect(fake.calls(CS)).toHaveLength(3);
    expect(await failedJobs()).toHaveLength(0);
  });

  it("records a job whose attempts run out, never dropping it", async () => {
    fake.failAlways(CS, { status: 503 });
    await enqueueCs("never", { attempts: 2 });
    await svc.ctx.queue.drain(5000);
    fake.clearFailures();
    expect(fake.calls(CS)).toHaveLength(2);
    expect(await failedJobs()).toMatchObject([{ name: CUSTOMER_MESSAGE_JOB, attempts: 2 }]);
  });

  it("sends template messages with client_msg_id", async () => {
    await svc.ctx.queue.enqueue<TemplateMessagePayload>(TEMPLATE_MESSAGE_JOB, {
      openid: "o_job",
      templateId: "TPL_APP",
      data: { thing1: { value: "已受理" } },
      url: "https://zw.example/a/1",
      clientMsgId: "application-1-accepted",
    });
    await svc.ctx.queue.drain(5000);
    expect(fake.calls("/cgi-bin/message/template/send")[0]!.body).toEqual({
      touser: "o_job",
      template_id: "TPL_APP",
      url: "https://zw.example/a/1",
      client_msg_id: "application-1-accepted",
      data: { thing1: { value: "已受理" } },
    });
  });
});
