import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTemplates, t } from "../../src/platform/templates";
import { loadMenu } from "../../src/wechat/menu";
import { normalize } from "../../src/wechat/normalize";
import { replyRenderer, replyText, truncateUtf8 } from "../../src/wechat/render";
import { isFresh, safeEqual, sha1Signature } from "../../src/wechat/signature";
import { sealReply } from "../../src/wechat/envelope";
import { decrypt } from "@wecom/crypto";
import { parseWechatXml } from "../../src/wechat/xml";
import { defaultWechatClient } from "../../src/wechat";
import type { AppContext } from "../../src/platform/context";
import { AES_KEY, APPID, TOKEN, fixture } from "./helpers";

describe("templates helper", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-tpl-"));
  fs.mkdirSync(path.join(dir, "demo"));
  fs.writeFileSync(path.join(dir, "demo", "zh.yaml"), "hello: 你好，{name}！\nnested:\n  deep: 第{n}层\nonly_zh: 只有中文\n");
  fs.writeFileSync(path.join(dir, "demo", "bo.yaml"), "hello: བཀྲ་ཤིས་བདེ་ལེགས། {name}\n");
  const tpl = createTemplates(dir);

  it("renders placeholders per capability and language, with nested ids", () => {
    expect(tpl.t("demo", "zh", "hello", { name: "卓玛" })).toBe("你好，卓玛！");
    expect(tpl.t("demo", "bo", "hello", { name: "卓玛" })).toBe("བཀྲ་ཤིས་བདེ་ལེགས། 卓玛");
    expect(tpl.t("demo", "zh", "nested.deep", { n: 2 })).toBe("第2层");
  });
  it("falls back to zh for an id the language lacks", () => expect(tpl.t("demo", "bo", "only_zh")).toBe("只有中文"));
  it("throws on a missing id or variable, and on path tricks", () => {
    expect(() => tpl.t("demo", "zh", "nope")).toThrow(/No template/);
    expect(() => tpl.t("demo", "zh", "hello")).toThrow(/needs \{name\}/);
    expect(() => tpl.t("../etc", "zh", "x")).toThrow(/Bad template name/);
    expect(tpl.has("demo", "zh", "__proto__")).toBe(false);
  });
  it("loads the shipped wechat texts", () => expect(t("wechat", "zh", "error_apology", { hotline: "12345" })).toContain("12345"));
});

describe("reply rendering", () => {
  const to = { openid: "o1", account: "gh_1", now: new Date(1_700_000_000_123) };
  const renderReply = replyRenderer();
  it("truncates on grapheme boundaries within the byte budget", () => {
    const family = "👨‍👩‍👧"; // one grapheme, 18 bytes
    const out = truncateUtf8(family.repeat(200), 2048, "…");
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(2048);
    expect(out.slice(0, -1).length % family.length).toBe(0);
    expect(truncateUtf8("短文本")).toBe("短文本");
  });
  it("renders none and empty text as success, CreateTime in seconds", () => {
    expect(renderReply({ kind: "none" }, to)).toBe("success");
    expect(renderReply({ kind: "text", text: "  " }, to)).toBe("success");
    expect(renderReply({ kind: "text", text: "hi" }, to)).toContain("<CreateTime>1700000000</CreateTime>");
  });
  it("degrades candidates and links to numbered text", () => {
    const text = replyText({ kind: "text", text: "您要办哪一项？", candidates: [{ code: "a", name: "身份证补领" }, { code: "b", name: "户口迁移" }], link: "https://x/g/a" });
    expect(text).toBe("您要办哪一项？\n1. 身份证补领\n2. 户口迁移\nhttps://x/g/a");
  });
  it("strips characters XML cannot carry", () => {
    expect(parseWechatXml(renderReply({ kind: "text", text: "a\u0000b\u0008c" }, to)).Content).toBe("abc");
  });
  it("renders a remembered (frozen) reply for each citizen with their own address and time, the same as afresh", () => {
    const render = replyRenderer("…");
    const reply = Object.freeze({ kind: "text" as const, text: "身份证补领]]><x/>", candidates: Object.freeze([Object.freeze({ code: "a", name: "户口迁移" })]) as { code: string; name: string }[] });
    const other = { openid: "o2", account: "gh_1", now: new Date(1_700_000_100_000) };
    // Afresh: the same reply unfrozen, which the renderer does not remember.
    const afresh = { ...reply, candidates: reply.candidates.map((c) => ({ ...c })) };
    for (const target of [to, other, to]) expect(render(reply, target)).toBe(render(afresh, target));
    expect(parseWechatXml(render(reply, other))).toMatchObject({ ToUserName: "o2", FromUserName: "gh_1", CreateTime: "1700000100", Content: "身份证补领]]><x/>\n1. 户口迁移" });
  });
  it("renders a reply that can still change afresh each time", () => {
    const render = replyRenderer();
    const reply = { kind: "text" as const, text: "第一版" };
    expect(parseWechatXml(render(reply, to)).Content).toBe("第一版");
    reply.text = "第二版";
    expect(parseWechatXml(render(reply, to)).Content).toBe("第二版");
    expect(render({ kind: "none" }, to)).toBe("success");
  });
});

describe("parsing and normalising", () => {
  it("keeps values as strings: 007 and a 64-bit MsgId", () => {
    const f = parseWechatXml(fixture("text", { content: "007", msgId: "24000000000000000123" }));
    expect(f.Content).toBe("007");
    expect(normalize(f, new Date()).message).toMatchObject({ kind: "text", text: "007", messageId: "24000000000000000123" });
  });
  it("keys events by FromUserName + CreateTime (+ event) and messages by MsgId", () => {
    expect(normalize(parseWechatXml(fixture("click", { time: 1700000000 })), new Date()).dedupeKey).toBe("evt:o_citizen_1:1700000000:CLICK:PROGRESS_QUERY");
    expect(normalize(parseWechatXml(fixture("text", { msgId: "42" })), new Date()).dedupeKey).toBe("msg:42");
  });
  it("translates events: qrscene_ stripped from a follow's scene, unknown or prototype names as `other`", () => {
    const msg = (name: string, key: string) => normalize(parseWechatXml(fixture(name, { key })), new Date()).message;
    expect(msg("subscribe-scene", "qrscene_guide:QH-1")).toMatchObject({ kind: "event", event: "subscribe", scene: "guide:QH-1" });
    expect(msg("subscribe-scene", "qrscene_")).toMatchObject({ kind: "event", event: "subscribe" });
    expect(msg("subscribe-scene", "qrscene_")).not.toHaveProperty("scene");
    expect(msg("scan-scene", "guide:QH-1")).toMatchObject({ kind: "event", event: "scan", scene: "guide:QH-1" });
    expect(msg("menu-click", "GUIDE_ASK")).toMatchObject({ kind: "event", event: "click", key: "GUIDE_ASK" });
    for (const name of ["__proto__", "toString", "constructor", "TEMPLATESENDJOBFINISH"]) {
      const xml = fixture("menu-click", { key: "K" }).replace("<![CDATA[CLICK]]>", `<![CDATA[${name}]]>`);
      expect(normalize(parseWechatXml(xml), new Date()).message).toMatchObject({ kind: "event", event: "other", key: name });
    }
  });
  it("reads a location message's coordinates, and treats unreadable ones as not understood", () => {
    expect(normalize(parseWechatXml(fixture("location")), new Date()).message).toMatchObject({ kind: "location", latitude: 36.617, longitude: 101.778, label: "西宁市城西区" });
    const bad = fixture("location").replace("36.617", "north");
    expect(normalize(parseWechatXml(bad), new Date()).message).toMatchObject({ kind: "unsupported", original: "location" });
  });
  it("checks freshness and compares in constant time", () => {
    const now = new Date(1_700_000_000_000);
    expect(isFresh("1700000299", now)).toBe(true);
    expect(isFresh("1699999600", now)).toBe(false);
    expect(isFresh("17e8", now)).toBe(false);
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});

describe("menu", () => {
  it("rejects a menu over WeChat's limits", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zw-menu-")), "menu.json");
    fs.writeFileSync(file, JSON.stringify({ button: [1, 2, 3, 4].map((i) => ({ type: "click", name: `按钮${i}`, key: `K${i}` })) }));
    expect(() => loadMenu("http://x", file)).toThrow(/more than 3 top-level/);
    fs.writeFileSync(file, JSON.stringify({ button: [{ type: "view", name: "太长的一级菜单名字" }] }));
    expect(() => loadMenu("http://x", file)).toThrow(/name too long[\s\S]*needs url/);
  });
});

describe("sealing a safe-mode reply", () => {
  it("writes the four envelope fields, signed, and encrypts the same reply differently each time", () => {
    const keys = { token: TOKEN, appId: APPID, aesKey: AES_KEY };
    const reply = "<xml><Content><![CDATA[答复]]></Content></xml>";
    const a = parseWechatXml(sealReply(reply, keys, new Date(1_700_000_000_999)));
    const b = parseWechatXml(sealReply(reply, keys, new Date(1_700_000_000_999)));
    expect(Object.keys(a)).toEqual(["Encrypt", "MsgSignature", "TimeStamp", "Nonce"]);
    expect(a.TimeStamp).toBe("1700000000");
    expect(a.MsgSignature).toBe(sha1Signature(TOKEN, a.TimeStamp!, a.Nonce!, a.Encrypt!));
    expect(decrypt(AES_KEY, a.Encrypt!)).toMatchObject({ message: reply, id: APPID });
    expect(b.Encrypt).not.toBe(a.Encrypt);
    expect(b.Nonce).not.toBe(a.Nonce);
  });
});

describe("the Official Account client without credentials", () => {
  it("refuses with wechat_not_configured (503)", () => {
    const ctx = { config: { WECHAT_APPID: "wx0123456789abcdef", WECHAT_APPSECRET: undefined } } as unknown as AppContext;
    expect(() => defaultWechatClient(ctx)).toThrow(expect.objectContaining({ reason: "wechat_not_configured", status: 503 }));
  });
});
