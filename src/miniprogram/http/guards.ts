import type { Middleware } from "koa";
import type { AppContext } from "../../platform/context";
import { perIp, perUser, rateLimit } from "../../http/rate-limit";
import { requireSession, sessionOf } from "./session-middleware";
import { LIMITS } from "../limits";

/**
 * The `before` pipeline of an authenticated write endpoint: per-IP limit (cheap, before any
 * session lookup) → session → per-user limit. Domain capabilities use it for their own
 * mini-program writes (applications, complaints, payments, ratings).
 */
export function authenticatedWrite(app: AppContext, name = "mp:write"): Middleware[] {
  return [
    rateLimit({ store: app.store, key: perIp(name), ...LIMITS.writePerIp }),
    requireSession(app),
    rateLimit({ store: app.store, key: perUser(name, (c) => sessionOf(c)?.userId), ...LIMITS.writePerUser }),
  ];
}
