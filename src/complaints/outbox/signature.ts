import { signWebhook, verifyWebhook } from "../../platform/webhook-signature";

/**
 * Signed JSON between us and the 12345 platform, both directions: header X-12345-Timestamp
 * (unix seconds) and X-12345-Signature = hex HMAC-SHA256(secret, timestamp + "." + raw body)
 * — the shared scheme of platform/webhook-signature. We accept ±5 minutes.
 */
export const TIMESTAMP_HEADER = "x-12345-timestamp";
export const SIGNATURE_HEADER = "x-12345-signature";
export const MAX_SKEW_SECONDS = 300;

export const sign12345 = (secret: string, timestamp: string, body: string) => signWebhook(secret, timestamp, body);

export function verify12345(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now: Date): boolean {
  return verifyWebhook({ secret, timestamp, signature, body, now, windowSeconds: MAX_SKEW_SECONDS }).ok;
}
