import type { Context, Middleware } from "koa";
import type { AppContext } from "../../platform/context";
import { miniprogramErrors } from "../errors";
import { resumeSession } from "../resume-session";
import type { Session } from "../session-keys";

/**
 * Authentication for mini-program routes: `Authorization: Bearer <session token>` from
 * POST /api/v1/mp/login. `requireSession` answers 401 for a missing, malformed, expired or
 * revoked token; `optionalSession` lets anonymous requests through (search, guides, ask) and
 * only attaches the session when a valid one is presented.
 */
export function requireSession(app: AppContext): Middleware {
  return async (c, next) => {
    const session = await sessionFromRequest(app, c);
    if (!session) throw miniprogramErrors("login_required");
    c.state.session = session;
    await next();
  };
}

export function optionalSession(app: AppContext): Middleware {
  return async (c, next) => {
    const session = await sessionFromRequest(app, c);
    if (session) c.state.session = session;
    await next();
  };
}

/** The session attached by requireSession/optionalSession, if any. */
export function sessionOf(c: Context): Session | undefined {
  return c.state.session as Session | undefined;
}

/** The signed-in user's id; throws 401 when used on a route without requireSession. */
export function currentUserId(c: Context): string {
  const s = sessionOf(c);
  if (!s) throw miniprogramErrors("login_required");
  return s.userId;
}

async function sessionFromRequest(app: AppContext, c: Context): Promise<Session | undefined> {
  const header = c.get("authorization");
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) return undefined;
  return resumeSession(app, m[1]!);
}
