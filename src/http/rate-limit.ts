import crypto from "node:crypto";
import type { Context, Middleware } from "koa";
import { isAppError } from "../platform/errors";
import { platformErrors } from "../platform/platform-errors";
import type { KeyValueStore } from "../platform/store";

export interface RateLimitOptions {
  /** Shared counters (Redis when configured, so every instance counts together). */
  store: KeyValueStore;
  /**
   * The bucket a request counts against, e.g. (c) => `mp:login:ip:${c.ip}`; see `perIp` and
   * `perUser`. Returning undefined skips the limit for that request.
   */
  key: string | ((c: Context) => string | undefined);
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window rate limit as route middleware (`defineRoute({ before: [rateLimit(...), auth] })`).
 * Over the limit it throws `rate_limited` with `retryAfter`, which the error middleware answers
 * as 429 with a Retry-After header (RFC 9110 §10.2.3: seconds until the window resets).
 * If the store is down the request goes through: a rate limiter must not take the API down.
 */
export function rateLimit(opts: RateLimitOptions): Middleware {
  return async (c, next) => {
    const bucket = typeof opts.key === "string" ? opts.key : opts.key(c);
    if (bucket !== undefined) {
      try {
        await checkRateLimit(opts.store, bucket, opts);
      } catch (err) {
        if (isAppError(err)) throw err;
        (c.state.log as { warn?: (o: object, m: string) => void } | undefined)?.warn?.({ err }, "rate limit store unavailable; not limiting");
      }
    }
    await next();
  };
}

/** Bucket per client IP (`ctx.ip`: X-Forwarded-For only as far as TRUST_PROXY trusts it, client-address.ts). */
export const perIp =
  (name: string) =>
  (c: Context): string =>
    `${name}:ip:${c.ip || "unknown"}`;

/**
 * Bucket per authenticated subject: `subject(c)` reads it from ctx.state after the auth
 * middleware ran; without one the request is not counted here (the per-IP limit still is).
 * The id is hashed so that keys in Redis carry no identifiers.
 */
export const perUser =
  (name: string, subject: (c: Context) => string | undefined) =>
  (c: Context): string | undefined => {
    const s = subject(c);
    return s === undefined ? undefined : userBucket(name, s);
  };

/** The bucket of one person (an openid, a user id), hashed so that store keys carry no identifiers. */
export function userBucket(name: string, subject: string): string {
  const id = `${name}:${subject}`;
  let key = bucketKeys.get(id);
  if (key === undefined) {
    key = `${name}:user:${crypto.createHash("sha256").update(subject).digest("base64url").slice(0, 22)}`;
    if (bucketKeys.size >= MAX_BUCKET_KEYS) bucketKeys.clear();
    bucketKeys.set(id, key);
  }
  return key;
}
/** A person's bucket key is hashed once, not on each of their messages (recent people only). */
const bucketKeys = new Map<string, string>();
const MAX_BUCKET_KEYS = 10_000;

/** The same check inside an operation, for buckets only known there (e.g. per openid at login). */
export async function checkRateLimit(
  store: KeyValueStore,
  bucket: string,
  opts: { limit: number; windowSeconds: number },
): Promise<void> {
  const hit = await store.incrWindow(`rl:${bucket}`, opts.windowSeconds);
  if (hit.count > opts.limit) {
    throw platformErrors("rate_limited", {}, { retryAfter: Math.max(1, hit.resetSeconds) });
  }
}
