import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { IncomingMessage, Reply } from "../../src/chat";
import { createWechatCapability } from "../../src/wechat";
import { sha1Signature } from "../../src/wechat/signature";
import { startTestService, type TestService } from "../support/service";
import { fixture, nowSeconds, postWechat, TOKEN, wechatEnv, type Mode } from "./helpers";

const calls: IncomingMessage[] = [];
async function handleMessage(msg: IncomingMessage): Promise<Reply> {
  calls.push(msg);
  if (msg.kind === "event" && ["unsubscribe", "view", "location"].includes(msg.event)) return { kind: "none" };
  if (msg.kind === "event") return { kind: "text", text: `${msg.event}:${msg.key ?? ""}:${msg.scene ?? ""}` };
  if (msg.kind === "location") return { kind: "text", text: `location:${msg.latitude},${msg.longitude}:${msg.label ?? ""}` };
  if (msg.kind !== "text") return { kind: "text", text: "unexpected" };
  if (msg.text === "人工") return { kind: "transfer" };
  if (msg.text === "boom") throw new Error("dialog exploded");
  if (msg.text === "long") return { kind: "text", text: "政".repeat(1000) };
  return { kind: "text", text: `echo:${msg.text}` };
}

describe.each<Mode>(["plain", "aes"])("/wechat in %s mode", (mode) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ capabilities: [createWechatCapability({ handleMessage })], env: wechatEnv(mode) });
  });
  afterAll(() => svc?.stop());
  beforeEach(() => void (calls.length = 0));
  const post = (xml: string, o: Partial<Parameters<typeof postWechat>[2]> = {}) => postWechat(svc.url, xml, { mode, ...o });

  it("answers WeChat's GET verification with echostr only when signed", async () => {
    const ts = String(nowSeconds());
    const good = new URLSearchParams({ signature: sha1Signature(TOKEN, ts, "n1"), timestamp: ts, nonce: "n1", echostr: "echo-123" });
    const res = await fetch(`${svc.url}/wechat?${good}`);
    expect([res.status, await res.text()]).toEqual([200, "echo-123"]);
    good.set("signature", sha1Signature("wrong", ts, "n1"));
    const bad = await fetch(`${svc.url}/wechat?${good}`);
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toContain("echo-123");
  });

  it("passes text to the handler and replies with text XML, CreateTime in seconds", async () => {
    const r = await post(fixture("text", { content: "007" }));
    expect(r.status).toBe(200);
    expect(calls).toMatchObject([{ kind: "text", text: "007", channel: "wechat", userId: "o_citizen_1" }]);
    expect(r.reply).toMatchObject({ MsgType: "text", Content: "echo:007", ToUserName: "o_citizen_1", FromUserName: "gh_qinghai" });
    expect(Math.abs(Number(r.reply!.CreateTime) - nowSeconds())).toBeLessThan(5);
    if (mode === "aes") expect(r.text).toContain("<Encrypt>");
  });

  it("treats voice with Recognition as text, and voice without it as not understood", async () => {
    expect((await post(fixture("voice"))).reply?.Content).toBe("echo:身份证怎么补办");
    const r = await post(fixture("voice-unrecognised"));
    expect(r.reply?.Content).toContain("没有听清");
    expect(calls).toHaveLength(1);
  });

  it("answers a picture politely without calling the handler", async () => {
    const r = await post(fixture("image"));
    expect(r.reply?.MsgType).toBe("text");
    expect(r.reply?.Content).toContain("只能理解文字");
    expect(calls).toHaveLength(0);
  });

  it("hands a location message to the handler as a place, latitude from Location_X", async () => {
    expect((await post(fixture("location"))).reply?.Content).toBe("location:36.617,101.778:西宁市城西区");
    expect(calls).toMatchObject([{ kind: "location", latitude: 36.617, longitude: 101.778, label: "西宁市城西区", verified: true }]);
  });

  it("hands following, with and without a QR scene, to the handler; the qrscene_ prefix is WeChat's, not the scene's", async () => {
    expect((await post(fixture("subscribe"))).reply?.Content).toBe("subscribe::");
    expect((await post(fixture("subscribe-scene", { key: "qrscene_guide:QH-630000-GAT-001" }))).reply?.Content).toBe("subscribe::guide:QH-630000-GAT-001");
    expect(calls.map((c) => c.kind === "event" && c.scene)).toEqual([undefined, "guide:QH-630000-GAT-001"]);
  });

  it("answers unsubscribe with success", async () => {
    const r = await post(fixture("unsubscribe"));
    expect([r.status, r.text]).toEqual([200, "success"]);
  });

  it("hands CLICK keys and SCAN scenes to the handler; VIEW and LOCATION reports answer success", async () => {
    expect((await post(fixture("click"))).reply?.Content).toBe("click:PROGRESS_QUERY:");
    expect((await post(fixture("scan"))).reply?.Content).toBe("scan::hall_007");
    expect((await post(fixture("view", { key: "https://zw.example/guides" }))).text).toBe("success");
    expect((await post(fixture("location-report"))).text).toBe("success");
    expect(calls.map((c) => c.kind === "event" && [c.event, c.key ?? c.scene])).toEqual([
      ["click", "PROGRESS_QUERY"],
      ["scan", "hall_007"],
      ["view", "https://zw.example/guides"],
      ["location", undefined],
    ]);
  });

  it("gives events it does not know to the handler as `other`, by name", async () => {
    const r = await post(fixture("template-job-finished"));
    expect(r.reply?.Content).toBe("other:TEMPLATESENDJOBFINISH:");
  });

  it("renders a transfer reply as transfer_customer_service", async () => {
    const r = await post(fixture("text", { content: "人工" }));
    expect(r.reply).toMatchObject({ MsgType: "transfer_customer_service", ToUserName: "o_citizen_1" });
    expect(r.reply?.Content).toBeUndefined();
  });

  it("turns a handler error into a polite text reply, not an HTTP error", async () => {
    const r = await post(fixture("text", { content: "boom" }));
    expect(r.status).toBe(200);
    expect(r.reply?.Content).toContain("抱歉，系统暂时繁忙");
    expect(r.reply?.Content).toContain("12345");
  });

  it("truncates long text to 2048 UTF-8 bytes on a character boundary", async () => {
    const r = await post(fixture("text", { content: "long" }));
    const content = r.reply!.Content!;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(2048);
    expect(content.endsWith("…")).toBe(true);
    expect(content).not.toContain("\uFFFD");
  });

  it("keeps user text with ]]> and markup inside the Content element", async () => {
    const evil = "x]]></Content><Injected>1</Injected><Content><![CDATA[y";
    const r = await post(fixture("text", { content: evil }));
    expect(calls[0]).toMatchObject({ kind: "text", text: evil });
    expect(r.reply?.Content).toBe(`echo:${evil}`);
    expect(r.reply?.Injected).toBeUndefined();
    expect(Object.keys(r.reply!).sort()).toEqual(["Content", "CreateTime", "FromUserName", "MsgType", "ToUserName"]);
  });

  describe("rejects without calling the handler", () => {
    const expectRejected = (r: { status: number; contentType: string }, status: number) => {
      expect(r.status).toBe(status);
      expect(r.contentType).toMatch(/^text\/plain/);
      expect(calls).toHaveLength(0);
    };
    it("a forged signature", async () => expectRejected(await post(fixture("text"), { forge: true }), 401));
    it("a stale timestamp (6 minutes old)", async () => expectRejected(await post(fixture("text"), { timestamp: nowSeconds() - 360 }), 401));
    it("a timestamp from the future", async () => expectRejected(await post(fixture("text"), { timestamp: nowSeconds() + 360 }), 401));
    it("malformed XML", async () => expectRejected(await post("<xml><Content>unclosed</xml>"), 400));
    it("XML with a DTD (entity expansion)", async () =>
      expectRejected(await post('<!DOCTYPE x [<!ENTITY e "boom">]><xml><Content>&e;</Content></xml>'), 400));
    it("__proto__ elements", async () => expectRejected(await post("<xml><__proto__><polluted>1</polluted></__proto__></xml>"), 400));
    it("a message without sender fields", async () => expectRejected(await post("<xml><MsgType>text</MsgType></xml>"), 400));
    it("an oversize body", async () => expectRejected(await post(fixture("text", { content: "长".repeat(30_000) })), 413));
    if (mode === "aes") {
      it("a message encrypted for another AppId", async () => expectRejected(await post(fixture("text"), { appId: "wxOTHERAPPID0000" }), 403));
      it("a plaintext message when safe mode is configured", async () =>
        expectRejected(await postWechat(svc.url, fixture("text"), { mode: "plain" }), 401));
    }
    it("leaves Object.prototype alone", () => expect(({} as Record<string, unknown>).polluted).toBeUndefined());
  });
});

describe("/wechat when WeChat is not configured", () => {
  it("answers 503 and never calls the handler", async () => {
    const svc = await startTestService({ capabilities: [createWechatCapability({ handleMessage })] });
    try {
      const res = await fetch(`${svc.url}/wechat`, { method: "POST", body: "<xml/>" });
      expect(res.status).toBe(503);
    } finally {
      await svc.stop();
    }
  });
});
