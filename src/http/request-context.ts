import crypto from "node:crypto";
import type { Middleware } from "koa";
import type { Logger } from "../platform/logger";

const SANE_ID = /^[\w.-]{1,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it looks sane, else a new one),
 * echoes it back, and binds a child logger carrying it (`ctx.state.log`), so every log line of
 * the request can be found by that id. The child is made when first used: pino builds its
 * bindings and redaction for each child, a few microseconds most requests never need; the
 * closing "request" line carries the id itself, through the parent.
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get("x-request-id");
    const id = SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
    ctx.state.requestId = id;
    ctx.set("X-Request-Id", id);
    let log: Logger | undefined;
    Object.defineProperty(ctx.state, "log", { get: () => (log ??= logger.child({ reqId: id })), enumerable: true, configurable: true });
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      if (logger.isLevelEnabled("info")) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        logger.info({ reqId: id, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, "request");
      }
    }
  };
}
