import crypto from "node:crypto";
import type { Context, Middleware } from "koa";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/**
 * Staff access until staff accounts exist: `Authorization: Bearer <ADMIN_TOKEN>`, compared in
 * constant time (hashing both sides first makes the lengths equal, so timingSafeEqual cannot
 * leak the token's length either). The actor for the timeline comes from `X-Staff-Name`
 * (percent-encoded UTF-8, since header values are Latin-1).
 */
export function requireStaff(app: AppContext): Middleware {
  return async (c, next) => {
    const token = app.config.ADMIN_TOKEN;
    if (!token) throw new AppError("not_configured", "Admin API is off (ADMIN_TOKEN not set)");
    const m = /^Bearer\s+(\S+)$/i.exec(c.get("authorization"));
    if (!m || !crypto.timingSafeEqual(digest(m[1]!), digest(token))) throw new AppError("unauthorized", "Staff token required");
    c.state.staff = staffName(c);
    await next();
  };
}

function staffName(c: Context): string {
  const raw = c.get("x-staff-name");
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    /* keep as received */
  }
  return name.trim().slice(0, 50) || "staff";
}

export const actorOf = (c: Context): string => (c.state.staff as string | undefined) ?? "staff";
