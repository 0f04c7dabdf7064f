import type { Middleware } from "koa";
import type { AppContext } from "../../platform/context";
import { signWebhook, verifyWebhook, type WebhookRejection } from "../../platform/webhook-signature";
import { applicationErrors } from "../errors";

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
  return signWebhook(secret, timestamp, rawBody);
}

const WHY: Record<WebhookRejection, string> = {
  malformed_timestamp: "bad timestamp",
  stale_timestamp: "stale timestamp",
  malformed_signature: "bad signature",
  bad_signature: "bad signature",
};

/**
 * Upstream pushes are signed (platform/webhook-signature): X-Signature = hex HMAC-SHA256(secret,
 * X-Timestamp + "." + raw body), optionally prefixed "sha256=", secret per X-Integration-Id.
 * The timestamp is inside the MAC, so a captured request is only replayable within the
 * ±5 minute window — and there the event id makes it a no-op.
 * Everything fails as one 401 before the body is looked at, so nothing is stored.
 */
export function verifyIntegration(ctx: AppContext): Middleware {
  const secrets = parseIntegrationSecrets(ctx.config.INTEGRATION_SECRETS);
  return async (c, next) => {
    if (secrets.size === 0) throw applicationErrors("integrations_not_configured");
    const id = c.get("x-integration-id");
    const timestamp = c.get("x-timestamp");
    const signature = c.get("x-signature").replace(/^sha256=/i, "");
    const secret = secrets.get(id);
    const raw = (c.request as { rawBody?: string }).rawBody;
    const fail = (why: string) => {
      ctx.logger.warn({ integration: id || undefined, why }, "integration request rejected");
      return applicationErrors("integration_signature_invalid");
    };
    if (!secret) throw fail("unknown integration id");
    if (typeof raw !== "string") throw fail("no raw body");
    const verdict = verifyWebhook({ secret, timestamp, signature, body: raw, now: ctx.now(), windowSeconds: SIGNATURE_WINDOW_SECONDS });
    if (!verdict.ok) throw fail(WHY[verdict.reason]);
    c.state.integrationId = id;
    await next();
  };
}
