import crypto from "node:crypto";
import type { Middleware } from "koa";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";

/** Accepted distance between X-Timestamp and our clock: replays of old captures are refused. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** INTEGRATION_SECRETS "name:secret,name2:secret2" → Map. */
export function parseIntegrationSecrets(value: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (value ?? "").split(",")) {
    const i = pair.indexOf(":");
    if (i > 0 && i < pair.length - 1) map.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return map;
}

export function signIntegrationBody(secret: string, timestamp: string, rawBody: string): string {
  return crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

/**
 * Upstream pushes are signed: X-Signature = hex HMAC-SHA256(secret, X-Timestamp + "." + raw
 * body), secret per X-Integration-Id. The timestamp is inside the MAC, so a captured request
 * is only replayable within the ±5 minute window — and there the event id makes it a no-op.
 * Everything fails as one 401 before the body is looked at, so nothing is stored.
 */
export function verifyIntegration(ctx: AppContext): Middleware {
  const secrets = parseIntegrationSecrets(ctx.config.INTEGRATION_SECRETS);
  return async (c, next) => {
    if (secrets.size === 0) throw new AppError("not_configured", "No integrations configured (INTEGRATION_SECRETS)");
    const id = c.get("x-integration-id");
    const timestamp = c.get("x-timestamp");
    const signature = c.get("x-signature").replace(/^sha256=/i, "").toLowerCase();
    const secret = secrets.get(id);
    const raw = (c.request as { rawBody?: string }).rawBody;
    const fail = (why: string) => {
      ctx.logger.warn({ integration: id || undefined, why }, "integration request rejected");
      return new AppError("unauthorized", "Invalid integration signature");
    };
    if (!secret) throw fail("unknown integration id");
    if (!/^\d{1,13}$/.test(timestamp)) throw fail("bad timestamp");
    if (Math.abs(ctx.now().getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) throw fail("stale timestamp");
    if (typeof raw !== "string") throw fail("no raw body");
    const expected = Buffer.from(signIntegrationBody(secret, timestamp, raw), "hex");
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw fail("bad signature");
    c.state.integrationId = id;
    await next();
  };
}
