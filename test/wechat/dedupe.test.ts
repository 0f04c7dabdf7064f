import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { IncomingMessage, Reply } from "../../src/chat";
import { createLogger } from "../../src/platform/logger";
import type { KeyValueStore } from "../../src/platform/store";
import { createWechatCapability } from "../../src/wechat";
import { createAnswerer, type AnswerDeps } from "../../src/wechat/answer";
import { normalize } from "../../src/wechat/normalize";
import { parseWechatXml } from "../../src/wechat/xml";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { startTestService, type TestService } from "../support/service";
import { createTestStore, testStoreKinds } from "../support/store";
import { fixture, postWechat, sleep, wechatEnv } from "./helpers";

const logger = createLogger({ level: "silent", format: "json" });
const inbound = (content: string, msgId?: string) => normalize(parseWechatXml(fixture("text", { content, msgId })), new Date());

describe.each(testStoreKinds())("answering once, on the %s store", (kind) => {
  let store: KeyValueStore;
  beforeAll(() => void (store = createTestStore(kind)));
  afterAll(() => store.close());

  const setup = (handlerMs: number, budgetMs = 2000) => {
    const handleMessage = vi.fn(async (m: IncomingMessage): Promise<Reply> => {
      await sleep(handlerMs);
      return { kind: "text", text: `echo:${m.kind === "text" ? m.text : ""}` };
    });
    const deliverLater = vi.fn<AnswerDeps["deliverLater"]>(async () => {});
    const answerer = createAnswerer({
      store, handleMessage, deliverLater, logger, now: () => new Date(), replyBudgetMs: budgetMs, pollMs: 10,
      localReply: () => undefined, apology: () => ({ kind: "text", text: "sorry" }),
    });
    return { answerer, handleMessage, deliverLater };
  };

  it("answers a retried MsgId identically and calls the handler once", async () => {
    const { answerer, handleMessage } = setup(0);
    const msg = inbound("身份证");
    const first = await answerer.answer(msg);
    await sleep(1100); // a later CreateTime second must not change the stored reply
    const retry = await answerer.answer(msg);
    expect(retry).toBe(first);
    expect(first).toContain("echo:身份证");
    expect(handleMessage).toHaveBeenCalledTimes(1);
  });

  it("makes a retry that arrives while the first is being answered wait for that answer", async () => {
    const { answerer, handleMessage } = setup(200);
    const msg = inbound("户口");
    const [a, b, c] = await Promise.all([answerer.answer(msg), sleep(20).then(() => answerer.answer(msg)), sleep(50).then(() => answerer.answer(msg))]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(handleMessage).toHaveBeenCalledTimes(1);
  });

  it("answers success when the handler is too slow and delivers the reply later, once", async () => {
    const { answerer, handleMessage, deliverLater } = setup(300, 100);
    const msg = inbound("社保");
    expect(await answerer.answer(msg)).toBe("success");
    expect(await answerer.answer(msg)).toBe("success"); // the retry
    await vi.waitFor(() => expect(deliverLater).toHaveBeenCalledTimes(1));
    expect(deliverLater.mock.calls[0]![1]).toEqual({ kind: "text", text: "echo:社保" });
    expect(handleMessage).toHaveBeenCalledTimes(1);
  });

  it("answers a retry itself, once, when the instance that claimed the message died before replying", async () => {
    const { answerer, handleMessage } = setup(0, 300);
    const msg = inbound("结婚登记");
    // What a dead instance leaves behind: its claim, expiring with its lease.
    await store.setIfAbsent(`wechat:reply:${msg.dedupeKey}`, JSON.stringify({ s: "pending" }), 1);
    await sleep(1100);
    const [a, b] = await Promise.all([answerer.answer(msg), answerer.answer(msg)]);
    const answered = [a, b].filter((x) => x.includes("echo:结婚登记"));
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(handleMessage).toHaveBeenCalledTimes(1);
    // Later retries get the stored reply.
    expect(await answerer.answer(msg)).toBe(answered[0]);
  });

  it("waits for a live claim instead of taking it over", async () => {
    const { answerer, handleMessage } = setup(0, 200);
    const msg = inbound("护照");
    await store.setIfAbsent(`wechat:reply:${msg.dedupeKey}`, JSON.stringify({ s: "pending" }), 60);
    expect(await answerer.answer(msg)).toBe("success");
    expect(handleMessage).not.toHaveBeenCalled();
  });

  it("replays a reply stored by an instance of the previous version (JSON slots) during a rolling deploy", async () => {
    const { answerer, handleMessage } = setup(0);
    const msg = inbound("居住证");
    const xml = "<xml><Content><![CDATA[旧实例的答复]]></Content></xml>";
    await store.setIfAbsent(`wechat:reply:${msg.dedupeKey}`, JSON.stringify({ s: "done", xml }), 60);
    expect(await answerer.answer(msg)).toBe(xml);
    const deferred = inbound("港澳通行证");
    await store.setIfAbsent(`wechat:reply:${deferred.dedupeKey}`, JSON.stringify({ s: "deferred" }), 60);
    expect(await answerer.answer(deferred)).toBe("success");
    expect(handleMessage).not.toHaveBeenCalled();
  });

  it("handles different MsgIds separately", async () => {
    const { answerer, handleMessage } = setup(0);
    await answerer.answer(inbound("a"));
    await answerer.answer(inbound("b"));
    expect(handleMessage).toHaveBeenCalledTimes(2);
  });
});

describe.each(testStoreKinds().map((k) => k === "redis"))("retries through /wechat (redis: %s)", (redis) => {
  let svc: TestService;
  let fake: FakeWechat;
  const handled: IncomingMessage[] = [];
  const handleMessage = async (m: IncomingMessage): Promise<Reply> => {
    handled.push(m);
    if (m.kind === "text" && m.text.startsWith("slow")) await sleep(700);
    return { kind: "text", text: `answer ${handled.length}: ${m.kind === "text" ? m.text : ""}` };
  };
  beforeAll(async () => {
    fake = await startFakeWechat();
    svc = await startTestService({ redis, capabilities: [createWechatCapability({ handleMessage, replyBudgetMs: 250 })], env: wechatEnv("aes", fake.url) });
  });
  afterAll(async () => {
    await svc?.stop();
    await fake?.close();
  });
  afterEach(() => void (handled.length = 0));

  it("gives WeChat's retry the same reply and handles the message once", async () => {
    const xml = fixture("text", { content: "营业执照" });
    const first = await postWechat(svc.url, xml, { mode: "aes" });
    const retry = await postWechat(svc.url, xml, { mode: "aes" });
    expect(first.reply?.Content).toBe("answer 1: 营业执照");
    expect(retry.replyXml).toBe(first.replyXml);
    expect(handled).toHaveLength(1);
  });

  it("answers success to a slow answer and delivers it through customer-service send", async () => {
    const xml = fixture("text", { content: "slow 公积金", from: "o_slow_user" });
    const first = await postWechat(svc.url, xml, { mode: "aes" });
    expect([first.status, first.text]).toEqual([200, "success"]);
    const retry = await postWechat(svc.url, xml, { mode: "aes" });
    expect(retry.text).toBe("success");
    // accepted(): a token left in the shared Redis by an earlier run earns one 40001 + refetch first.
    await vi.waitFor(() => expect(fake.accepted("/cgi-bin/message/custom/send")).toHaveLength(1), { timeout: 10_000 });
    expect(fake.accepted("/cgi-bin/message/custom/send")[0]!.body).toEqual({
      touser: "o_slow_user",
      msgtype: "text",
      text: { content: "answer 1: slow 公积金" },
    });
    await sleep(300);
    expect(fake.accepted("/cgi-bin/message/custom/send")).toHaveLength(1);
    expect(handled).toHaveLength(1);
  });
});
