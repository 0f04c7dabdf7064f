import { decrypt, encrypt } from "@wecom/crypto";
import { pooledRandomBytes } from "../platform/random-pool";
import { WechatRejection } from "./rejection";
import { isFresh, safeEqual, sha1Signature } from "./signature";
import { parseWechatXml, type XmlFields } from "./xml";

export interface EnvelopeKeys {
  token: string;
  appId: string;
  /** EncodingAESKey; when set the account runs in compatible or safe mode. */
  aesKey?: string;
}

/**
 * The callback's query string. Read by name from URLSearchParams (a repeated name: its first
 * value) rather than Koa's `ctx.query`, which builds an object of every name on each request.
 */
export type CallbackQuery = Pick<URLSearchParams, "get">;

const q = (query: CallbackQuery, name: string): string => query.get(name) ?? "";

/** Checks `signature` over (token, timestamp, nonce) and the 5-minute window. */
export function verifyQuerySignature(query: CallbackQuery, keys: EnvelopeKeys, now: Date): void {
  const timestamp = q(query, "timestamp");
  const nonce = q(query, "nonce");
  const signature = q(query, "signature");
  if (!signature || !safeEqual(sha1Signature(keys.token, timestamp, nonce), signature)) {
    throw new WechatRejection(401, "bad signature");
  }
  if (!isFresh(timestamp, now)) throw new WechatRejection(401, "stale timestamp");
}

export interface OpenedMessage {
  fields: XmlFields;
  /** The request was encrypted, so the reply must be too. */
  encrypted: boolean;
}

/**
 * Verifies and opens one POSTed callback.
 * - Plaintext mode: `signature` must match. It covers no body bytes (a WeChat protocol
 *   limit), which is why MsgId dedupe and the timestamp window matter, and why safe mode is
 *   preferred.
 * - Compatible/safe mode (`encrypt_type=aes`): `msg_signature` over (token, timestamp, nonce,
 *   Encrypt) must match, the decrypted AppId must be ours (co-wechat skipped this check), and
 *   the decrypted XML is what we use — never the plaintext copy compatible mode also sends.
 * - With an AES key configured, plaintext requests are refused: WeChat encrypts every callback
 *   in both compatible and safe mode, so an unencrypted one is not from WeChat.
 */
export function openCallback(query: CallbackQuery, body: string, keys: EnvelopeKeys, now: Date): OpenedMessage {
  const timestamp = q(query, "timestamp");
  const nonce = q(query, "nonce");
  const encrypted = q(query, "encrypt_type") === "aes";
  if (!encrypted) {
    if (keys.aesKey) throw new WechatRejection(401, "plaintext callback refused in safe mode");
    verifyQuerySignature(query, keys, now);
    return { fields: parseWechatXml(body), encrypted: false };
  }
  if (!keys.aesKey) throw new WechatRejection(400, "encrypted callback but no AES key configured");
  const outer = parseWechatXml(body);
  const cipher = outer.Encrypt ?? "";
  const msgSignature = q(query, "msg_signature");
  if (!cipher || !msgSignature || !safeEqual(sha1Signature(keys.token, timestamp, nonce, cipher), msgSignature)) {
    throw new WechatRejection(401, "bad msg_signature");
  }
  if (!isFresh(timestamp, now)) throw new WechatRejection(401, "stale timestamp");
  let opened: { message: string; id: string };
  try {
    opened = decrypt(keys.aesKey, cipher);
  } catch {
    throw new WechatRejection(400, "cannot decrypt");
  }
  if (!safeEqual(keys.appId, opened.id)) throw new WechatRejection(403, "wrong AppId");
  return { fields: parseWechatXml(opened.message), encrypted: true };
}

/** Encrypts and signs a passive reply for safe mode; `CreateTime`/`TimeStamp` are seconds as documented. */
export function sealReply(replyXml: string, keys: EnvelopeKeys, now: Date): string {
  if (!keys.aesKey) throw new Error("sealReply needs an AES key");
  // The 16 random bytes WeChat's scheme puts before the message (with its IV fixed by the key,
  // they are what makes two encryptions of one reply differ), and the nonce: one pooled draw.
  const random = pooledRandomBytes(24);
  const cipher = encrypt(keys.aesKey, replyXml, keys.appId, random.subarray(0, 16));
  const seconds = Math.floor(now.getTime() / 1000);
  const timestamp = String(seconds);
  const nonce = random.toString("hex", 16);
  const signature = sha1Signature(keys.token, timestamp, nonce, cipher);
  // Every value is ours and plain by construction — base64 (the cipher), hex (signature,
  // nonce), digits (the time) — so the envelope is written as it stands, without
  // xmlElements' escaping scans over the ~3 KB of cipher text.
  return `<xml><Encrypt><![CDATA[${cipher}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature><TimeStamp>${seconds}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`;
}
