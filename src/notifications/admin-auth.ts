import crypto from "node:crypto";
import type { Middleware } from "koa";
import type { AppContext } from "../platform/context";
import { AppError } from "../platform/errors";

/**
 * `Authorization: Bearer <ADMIN_TOKEN>` until staff accounts exist. Both sides are hashed
 * before timingSafeEqual, so the comparison takes the same time whatever the length or the
 * first differing byte of a guess.
 */
export function requireAdmin(app: AppContext): Middleware {
  return async (c, next) => {
    const expected = app.config.ADMIN_TOKEN;
    if (!expected) throw new AppError("not_configured", "The admin API is off (ADMIN_TOKEN is not set)");
    const m = /^Bearer\s+(\S+)$/i.exec(c.get("authorization"));
    const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
    if (!m || !crypto.timingSafeEqual(digest(m[1]!), digest(expected))) {
      throw new AppError("unauthorized", "Admin token required");
    }
    await next();
  };
}
