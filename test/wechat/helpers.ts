import crypto from "node:crypto";
import fs from "node:fs";
import { decrypt, encrypt } from "@wecom/crypto";
import { sha1Signature } from "../../src/wechat/signature";
import { parseWechatXml, type XmlFields } from "../../src/wechat/xml";

export const TOKEN = "qinghai_test_token";
export const APPID = "wx0123456789abcdef";
export const SECRET = "test_secret";
/** EncodingAESKey: 43 base64 characters of a 32-byte key. */
export const AES_KEY = crypto.createHash("sha256").update("zw-test").digest("base64").slice(0, 43);

export type Mode = "plain" | "aes";

export function wechatEnv(mode: Mode, apiBase = "http://127.0.0.1:9"): Record<string, string> {
  return {
    WECHAT_TOKEN: TOKEN,
    WECHAT_APPID: APPID,
    WECHAT_APPSECRET: SECRET,
    WECHAT_API_BASE: apiBase,
    ...(mode === "aes" ? { WECHAT_AES_KEY: AES_KEY } : {}),
  };
}

let seq = 0;
export const nextMsgId = () => String(24_000_000_000_000_000n + BigInt(Date.now()) * 1000n + BigInt(++seq));
export const nowSeconds = () => Math.floor(Date.now() / 1000);

const fixtureTexts = new Map<string, string>();

/** A fixture from test/wechat/fixtures with its {{…}} slots filled (KEY: an event's EventKey); CONTENT is CDATA-escaped as WeChat does. */
export function fixture(name: string, v: { from?: string; time?: number; msgId?: string; content?: string; key?: string } = {}): string {
  let raw = fixtureTexts.get(name);
  if (raw === undefined) fixtureTexts.set(name, (raw = fs.readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), "utf8").trim()));
  return raw
    .replaceAll("{{FROM}}", v.from ?? "o_citizen_1")
    .replaceAll("{{TIME}}", String(v.time ?? nowSeconds()))
    .replaceAll("{{MSGID}}", v.msgId ?? nextMsgId())
    .replaceAll("{{KEY}}", v.key ?? "")
    .replaceAll("{{CONTENT}}", (v.content ?? "你好").replaceAll("]]>", "]]]]><![CDATA[>"));
}

export interface SendOptions {
  mode: Mode;
  /** Encrypt for another AppId (safe mode). */
  appId?: string;
  timestamp?: number;
  forge?: boolean;
  nonce?: string;
}

/** Signs (and in safe mode encrypts) a callback exactly as WeChat does. */
export function signedRequest(xml: string, o: SendOptions): { query: string; body: string } {
  const timestamp = String(o.timestamp ?? nowSeconds());
  const nonce = o.nonce ?? String(crypto.randomInt(1e9));
  const signature = o.forge ? "0".repeat(40) : sha1Signature(TOKEN, timestamp, nonce);
  const p = new URLSearchParams({ signature, timestamp, nonce, openid: "o_citizen_1" });
  if (o.mode === "plain") return { query: p.toString(), body: xml };
  const cipher = encrypt(AES_KEY, xml, o.appId ?? APPID);
  p.set("encrypt_type", "aes");
  p.set("msg_signature", o.forge ? "f".repeat(40) : sha1Signature(TOKEN, timestamp, nonce, cipher));
  return { query: p.toString(), body: `<xml><ToUserName><![CDATA[gh_qinghai]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt></xml>` };
}

export interface WechatResponse {
  status: number;
  text: string;
  contentType: string;
  /** The reply's fields, decrypted (and its signature checked) in safe mode; undefined for "success"/errors. */
  reply?: XmlFields;
  /** The plaintext reply XML. */
  replyXml?: string;
}

export async function postWechat(baseUrl: string, xml: string, o: SendOptions): Promise<WechatResponse> {
  const { query, body } = signedRequest(xml, o);
  const res = await fetch(`${baseUrl}/wechat?${query}`, { method: "POST", headers: { "content-type": "text/xml" }, body });
  const text = await res.text();
  const out: WechatResponse = { status: res.status, text, contentType: res.headers.get("content-type") ?? "" };
  if (res.status !== 200 || text === "success") return out;
  if (o.mode === "plain") return { ...out, reply: parseWechatXml(text), replyXml: text };
  const outer = parseWechatXml(text);
  const expected = sha1Signature(TOKEN, outer.TimeStamp ?? "", outer.Nonce ?? "", outer.Encrypt ?? "");
  if (expected !== outer.MsgSignature) throw new Error("reply MsgSignature does not verify");
  const opened = decrypt(AES_KEY, outer.Encrypt ?? "");
  if (opened.id !== APPID) throw new Error(`reply encrypted for ${opened.id}`);
  return { ...out, reply: parseWechatXml(opened.message), replyXml: opened.message };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
