import crypto from "node:crypto";

/**
 * Signed JSON between us and the 12345 platform, both directions: header X-12345-Timestamp
 * (unix seconds) and X-12345-Signature = hex HMAC-SHA256(secret, timestamp + "." + raw body).
 * The timestamp inside the MAC stops replays of old bodies; we accept ±5 minutes.
 */
export const TIMESTAMP_HEADER = "x-12345-timestamp";
export const SIGNATURE_HEADER = "x-12345-signature";
export const MAX_SKEW_SECONDS = 300;

export const sign12345 = (secret: string, timestamp: string, body: string) =>
  crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function verify12345(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now: Date): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(sign12345(secret, timestamp, body), "hex");
  return crypto.timingSafeEqual(expected, Buffer.from(signature, "hex"));
}
