import crypto from "node:crypto";
import type { Middleware } from "koa";
import type { Logger } from "../platform/logger";

/**
 * Gives every request an id (the caller's X-Request-Id when it looks sane, else a new one),
 * echoes it back, and binds a child logger carrying it, so every log line of the request
 * can be found by that id.
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get("x-request-id");
    const id = /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    ctx.state.requestId = id;
    ctx.set("X-Request-Id", id);
    const log = logger.child({ reqId: id });
    ctx.state.log = log;
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, "request");
    }
  };
}
