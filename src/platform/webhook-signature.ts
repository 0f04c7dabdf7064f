import crypto from "node:crypto";

/**
 * The timestamped HMAC both signed webhooks use (upstream application events, and the 12345
 * platform in both directions): signature = hex HMAC-SHA256(secret, timestamp + "." + raw
 * body), timestamp in unix seconds. The timestamp is inside the MAC, so a captured request
 * can only be replayed inside the window, where each integration's event id makes it a no-op.
 * Header names and prefixes are each integration's wire format and stay with it; this module
 * only sees the values.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export type WebhookRejection = "malformed_timestamp" | "stale_timestamp" | "malformed_signature" | "bad_signature";
export type WebhookVerdict = { ok: true } | { ok: false; reason: WebhookRejection };

export interface VerifyWebhookOptions {
  secret: string;
  /** Unix seconds, as the sender put it in its header. */
  timestamp: string | undefined;
  /** 64 hex digits (either case), without any prefix the wire format adds. */
  signature: string | undefined;
  /** The exact bytes received, before any parsing. */
  body: string;
  now: Date;
  /** Accepted distance between the timestamp and `now`, either way (clocks a little apart). */
  windowSeconds: number;
}

// 13 digits are more than any unix-seconds value of this millennium; longer input is refused
// before Number() can lose precision on it.
const TIMESTAMP = /^\d{1,13}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;

/** Checks format, freshness, then the MAC (constant-time); says which check failed, for logs. */
export function verifyWebhook(o: VerifyWebhookOptions): WebhookVerdict {
  if (!o.timestamp || !TIMESTAMP.test(o.timestamp)) return { ok: false, reason: "malformed_timestamp" };
  if (Math.abs(o.now.getTime() / 1000 - Number(o.timestamp)) > o.windowSeconds) return { ok: false, reason: "stale_timestamp" };
  if (!o.signature || !SIGNATURE.test(o.signature)) return { ok: false, reason: "malformed_signature" };
  const expected = Buffer.from(signWebhook(o.secret, o.timestamp, o.body), "hex");
  const given = Buffer.from(o.signature, "hex");
  return crypto.timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "bad_signature" };
}
