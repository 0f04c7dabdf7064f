import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook, type VerifyWebhookOptions } from "../../src/platform/webhook-signature";

const secret = "webhook-secret-0123";
const now = new Date("2025-11-03T02:00:00Z");
const ts = String(Math.floor(now.getTime() / 1000));
const body = JSON.stringify({ eventId: "e-1", status: "accepted", note: "受理" });
const check = (o: Partial<VerifyWebhookOptions> = {}) =>
  verifyWebhook({ secret, timestamp: ts, signature: signWebhook(secret, ts, body), body, now, windowSeconds: 300, ...o });

describe("timestamped webhook signature", () => {
  it("is hex HMAC-SHA256 over timestamp.body", () => {
    const expected = crypto.createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex");
    expect(signWebhook(secret, ts, body)).toBe(expected);
  });

  it("accepts a good signature, in either hex case, anywhere inside the window", () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ signature: signWebhook(secret, ts, body).toUpperCase() })).toEqual({ ok: true });
    for (const skew of [-300, 300]) {
      const t = String(Number(ts) + skew);
      expect(check({ timestamp: t, signature: signWebhook(secret, t, body) })).toEqual({ ok: true });
    }
  });

  it("refuses a tampered body", () => {
    expect(check({ body: body.replace("accepted", "decided") })).toEqual({ ok: false, reason: "bad_signature" });
    expect(check({ body: `${body} ` })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature made with another secret", () => {
    expect(check({ signature: signWebhook("other-secret", ts, body) })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a timestamp moved after signing (it is inside the MAC)", () => {
    const t = String(Number(ts) + 1);
    expect(check({ timestamp: t })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses stale and future timestamps just outside the window, even correctly signed", () => {
    for (const skew of [-301, 301, -86_400]) {
      const t = String(Number(ts) + skew);
      expect(check({ timestamp: t, signature: signWebhook(secret, t, body) })).toEqual({ ok: false, reason: "stale_timestamp" });
    }
  });

  it("refuses malformed or missing timestamps", () => {
    for (const timestamp of [undefined, "", "12.5", "-1", "1e9", " 1762135200", "17621352000000"]) {
      expect(check({ timestamp })).toEqual({ ok: false, reason: "malformed_timestamp" });
    }
  });

  it("refuses malformed or missing signatures without throwing", () => {
    const good = signWebhook(secret, ts, body);
    for (const signature of [undefined, "", good.slice(0, 63), `${good}00`, `sha256=${good}`, "z".repeat(64), Buffer.from(good, "hex").toString("base64")]) {
      expect(check({ signature })).toEqual({ ok: false, reason: "malformed_signature" });
    }
  });
});
