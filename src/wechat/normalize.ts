import type { BaseIncoming, EventFields, IncomingMessage } from "../chat";
import { lookupTable } from "../platform/lookup-table";
import { WechatRejection } from "./rejection";
import type { XmlFields } from "./xml";

export interface Inbound {
  message: IncomingMessage;
  /** The citizen's openid (FromUserName) — replies go back to it. */
  openid: string;
  /** Our account's original id (ToUserName) — the reply's FromUserName. */
  account: string;
  /**
   * WeChat's documented dedupe key: MsgId for messages, FromUserName + CreateTime for events
   * ("消息排重：有msgid的消息推荐使用msgid排重。事件类型消息推荐使用FromUserName + CreateTime 排重").
   * Event and EventKey are added: a retry repeats them byte for byte, while two different
   * menu clicks within the same second stay two events.
   */
  dedupeKey: string;
}

/** Event names come from the request: a prototype-less table, so "__proto__" or "toString" is just unknown. */
const EVENTS = lookupTable<EventFields["event"]>([
  ["subscribe", "subscribe"],
  ["unsubscribe", "unsubscribe"],
  ["CLICK", "click"],
  ["SCAN", "scan"],
  ["VIEW", "view"],
  ["LOCATION", "location"],
]);

/** WeChat prefixes the scene of a QR code scanned to follow ("关注") with `qrscene_`; a follower's SCAN carries it bare. */
const QR_SCENE = "qrscene_";

function eventFields(f: XmlFields): EventFields {
  const event = EVENTS[f.Event ?? ""];
  const key = f.EventKey || undefined;
  if (!event) return { event: "other", key: f.Event ?? "" };
  if (event === "subscribe") return key?.startsWith(QR_SCENE) && key.length > QR_SCENE.length ? { event, scene: key.slice(QR_SCENE.length) } : { event };
  if (event === "scan") return key ? { event, scene: key } : { event: "other", key: "SCAN" };
  return key ? { event, key } : { event };
}

/** Turns WeChat's XML fields into the channel-neutral IncomingMessage (src/chat/types.ts). */
export function normalize(f: XmlFields, now: Date): Inbound {
  const openid = f.FromUserName ?? "";
  const account = f.ToUserName ?? "";
  const createTime = f.CreateTime ?? "";
  const msgType = f.MsgType ?? "";
  if (!openid || !account || !msgType || !/^\d{1,12}$/.test(createTime)) {
    throw new WechatRejection(400, "missing FromUserName/ToUserName/MsgType/CreateTime");
  }
  const msgId = f.MsgId || undefined;
  const base: BaseIncoming = {
    channel: "wechat",
    userId: openid,
    // The endpoint checked the signature (and in safe mode decrypted) before parsing, so the
    // openid is WeChat's word for who wrote: personal commands may act for it.
    verified: true,
    messageId: msgId,
    receivedAt: new Date(Number(createTime) * 1000 || now.getTime()),
  };
  const dedupeKey = msgId ? `msg:${msgId}` : `evt:${openid}:${createTime}:${f.Event ?? ""}:${f.EventKey ?? ""}`;
  return { openid, account, dedupeKey, message: toMessage(f, msgType, base) };
}

/**
 * The message for one set of fields. The base is assigned onto each new object rather than
 * spread into a literal with more keys (`{ ...base, kind }`), which is the slower path here.
 */
function toMessage(f: XmlFields, msgType: string, base: BaseIncoming): IncomingMessage {
  // Voice is understood through WeChat's own speech recognition (语音识别结果 `Recognition`), when enabled.
  const text = msgType === "text" ? f.Content : msgType === "voice" ? f.Recognition : undefined;
  if (text) return Object.assign({ kind: "text" as const, text }, base);
  if (msgType === "event") return Object.assign({ kind: "event" as const }, eventFields(f), base);
  if (msgType === "location") {
    // Location_X is the latitude, Location_Y the longitude ("地理位置消息").
    const latitude = Number(f.Location_X);
    const longitude = Number(f.Location_Y);
    if (f.Location_X && f.Location_Y && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
      return Object.assign({ kind: "location" as const, latitude, longitude }, f.Label ? { label: f.Label } : {}, base);
    }
  }
  return Object.assign({ kind: "unsupported" as const, original: msgType }, base);
}
