import type { Reply } from "../chat";
import { xmlElements, type XmlValue } from "./xml";

/**
 * No official limit is documented for a passive text reply; 2048 UTF-8 bytes is the
 * empirical one (wechat-notes.md, "Text reply length"), so longer text is cut on a grapheme
 * boundary (an emoji or a Tibetan stack is never split) with a suffix.
 */
export const MAX_TEXT_BYTES = 2048;

const segmenter = new Intl.Segmenter("zh", { granularity: "grapheme" });

export function truncateUtf8(text: string, maxBytes = MAX_TEXT_BYTES, suffix = "…"): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(suffix, "utf8");
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const n = Buffer.byteLength(segment, "utf8");
    if (used + n > budget) break;
    out += segment;
    used += n;
  }
  return out + suffix;
}

/** The text a citizen sees for a reply; structured extras degrade to plain text (style rule: channels without buttons). */
export function replyText(reply: Reply): string | undefined {
  if (reply.kind === "none") return undefined;
  if (reply.kind === "transfer") return reply.text;
  let text = reply.text;
  const missing = (reply.candidates ?? []).filter((c) => !text.includes(c.name));
  if (missing.length) text += "\n" + missing.map((c, i) => `${i + 1}. ${c.name}`).join("\n");
  if (reply.link && !text.includes(reply.link)) text += `\n${reply.link}`;
  return text;
}

export interface RenderTarget {
  openid: string;
  account: string;
  now: Date;
}

/** The reply's own elements (MsgType, Content), or "" when there is nothing to send. */
function replyElements(reply: Reply, suffix?: string): string {
  const transfer = reply.kind === "transfer";
  const text = transfer ? undefined : replyText(reply);
  if (!transfer && !text?.trim()) return "";
  const fields: Record<string, XmlValue> = { MsgType: { cdata: transfer ? "transfer_customer_service" : "text" } };
  if (text) fields.Content = { cdata: truncateUtf8(text, MAX_TEXT_BYTES, suffix) };
  return xmlElements(fields);
}

function withAddress(elements: string, to: RenderTarget): string {
  if (!elements) return "success";
  const address = xmlElements({ ToUserName: { cdata: to.openid }, FromUserName: { cdata: to.account }, CreateTime: Math.floor(to.now.getTime() / 1000) });
  return `<xml>${address}${elements}</xml>`;
}

/**
 * Reply → passive-reply XML ("被动回复用户消息"), for one endpoint (one truncation suffix).
 * `success` tells WeChat there is nothing to send (it then shows nothing and does not retry).
 * `transfer` hands the session to human customer service (MsgType transfer_customer_service).
 * CreateTime is in seconds.
 *
 * It remembers what it rendered of each frozen reply — the answer cache hands out the same
 * frozen reply for a repeated question, so its text is checked, cut and escaped once, not on
 * every ask. Only the addressing (citizen, account, time) is rendered per message.
 */
export function replyRenderer(suffix?: string): (reply: Reply, to: RenderTarget) => string {
  const rendered = new WeakMap<Reply, string>();
  return (reply, to) => {
    let elements = rendered.get(reply);
    if (elements === undefined) {
      elements = replyElements(reply, suffix);
      if (Object.isFrozen(reply)) rendered.set(reply, elements);
    }
    return withAddress(elements, to);
  };
}
