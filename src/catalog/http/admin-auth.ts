import crypto from "node:crypto";
import type { Middleware } from "koa";
import { AppError } from "../../platform/errors";

/**
 * Until staff accounts exist (staff-console issue), /api/v1/admin is protected by one
 * configured token. Without ADMIN_TOKEN the admin API is off (503 not_configured) rather than
 * open. The comparison is constant-time over SHA-256 digests, so neither the token's content
 * nor its length leaks through timing. The actor for the audit log is X-Staff-Name.
 */
export function adminAuth(token: string | undefined): Middleware {
  const expected = token ? digest(token) : undefined;
  return async (ctx, next) => {
    if (!expected) throw new AppError("not_configured", "The admin API is off: ADMIN_TOKEN is not set");
    const m = /^Bearer\s+(.+)$/i.exec(ctx.get("Authorization"));
    if (!m?.[1] || !crypto.timingSafeEqual(digest(m[1].trim()), expected)) {
      ctx.set("WWW-Authenticate", 'Bearer realm="admin"');
      throw new AppError("unauthorized", "A valid admin token is required");
    }
    ctx.state.actor = staffName(ctx.get("X-Staff-Name"));
    await next();
  };
}

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/** HTTP headers are Latin-1; staff names are Chinese, so clients may percent-encode them. */
function staffName(header: string): string {
  let name = header.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep as sent */
  }
  return name.slice(0, 50) || "admin";
}
