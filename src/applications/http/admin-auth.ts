import crypto from "node:crypto";
import type { Middleware } from "koa";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/**
 * `Authorization: Bearer <ADMIN_TOKEN>` until staff accounts exist. Both sides are hashed to
 * equal length before timingSafeEqual, so neither the token nor its length leaks through
 * response timing. Without ADMIN_TOKEN the staff API is off (503).
 */
export function requireAdmin(ctx: AppContext): Middleware {
  return async (c, next) => {
    const token = ctx.config.ADMIN_TOKEN;
    if (!token) throw new AppError("not_configured", "Staff API is off: ADMIN_TOKEN is not set");
    const m = /^Bearer\s+(\S+)$/i.exec(c.get("authorization"));
    if (!m || !crypto.timingSafeEqual(digest(m[1]!), digest(token))) throw new AppError("unauthorized", "Staff token required");
    // Until staff accounts exist the actor is whatever name the console sends, for the timeline.
    c.state.actor = c.get("x-staff-name").slice(0, 50) || "admin";
    await next();
  };
}
