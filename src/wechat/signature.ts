import crypto from "node:crypto";

/**
 * WeChat signs a callback with sha1 over the lexically sorted strings — (token, timestamp,
 * nonce) for `signature`, plus the `Encrypt` text for `msg_signature` in safe mode
 * ("接入指南" / "消息加解密说明").
 */
export function sha1Signature(...parts: string[]): string {
  // crypto.hash: one call, no Hash object (Node ≥ 20.12).
  return crypto.hash("sha1", parts.sort().join(""), "hex");
}

/** Constant-time comparison, so the signature cannot be guessed byte by byte from timings. */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** WeChat sends `timestamp` in seconds; anything more than `windowSeconds` away is a replay or a broken clock. */
export function isFresh(timestamp: string, now: Date, windowSeconds = 300): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= windowSeconds;
}
