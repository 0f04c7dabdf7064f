import type { Middleware } from "koa";
import { perIp, rateLimit } from "../../http/rate-limit";
import type { AppContext } from "../../platform/context";

/**
 * The per-IP budget (120 a minute) of everything public about complaints: the JSON list and
 * the pages count against one bucket in the store, so switching between them gains nothing.
 */
export const publicLimit = (app: AppContext): Middleware =>
  rateLimit({ store: app.store, key: perIp("complaints:public"), limit: 120, windowSeconds: 60 });
