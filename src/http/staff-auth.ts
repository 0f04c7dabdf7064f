import crypto from "node:crypto";
import type { Context, Middleware } from "koa";
import type { AppContext } from "../platform/context";
import { AppError } from "../platform/errors";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/**
 * The staff API's guard until staff accounts exist: `Authorization: Bearer <ADMIN_TOKEN>`.
 * Without ADMIN_TOKEN the staff API is off (503 not_configured) rather than open. Both sides
 * are hashed before timingSafeEqual, so neither the token nor its length leaks through
 * response timing. The actor recorded in audit logs and timelines is `X-Staff-Name`
 * (percent-encoded UTF-8, since header values are Latin-1), available as `staffActor(c)`.
 */
export function requireStaff(app: Pick<AppContext, "config">): Middleware {
  return async (c, next) => {
    const token = app.config.ADMIN_TOKEN;
    if (!token) throw new AppError("not_configured", "The staff API is off: ADMIN_TOKEN is not set");
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.get("authorization"));
    if (!m || !crypto.timingSafeEqual(digest(m[1]!), digest(token))) {
      c.set("WWW-Authenticate", 'Bearer realm="staff"');
      throw new AppError("unauthorized", "A valid staff token is required");
    }
    const actor = staffName(c.get("x-staff-name"));
    c.state.actor = actor;
    c.state.staff = actor;
    await next();
  };
}

/** The acting staff member of a request that passed requireStaff. */
export const staffActor = (c: Context): string => (c.state.actor as string | undefined) ?? "staff";

function staffName(header: string): string {
  let name = header.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep as sent */
  }
  return name.trim().slice(0, 50) || "staff";
}
