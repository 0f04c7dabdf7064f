import crypto from "node:crypto";
import type { Middleware } from "koa";
import type { Logger } from "../platform/logger";

const SANE_ID = /^[\w.-]{1,64}$/;

/**
 * `ctx.state` of one request: its id, and a child logger carrying the id, made when first
 * used — pino builds bindings and redaction for each child, a few microseconds most requests
 * never need. A class, so the lazy `log` is one getter on a prototype rather than a property
 * defined on every request's state object (which cost more than the child it saved).
 */
export class RequestState {
  #log?: Logger;
  [key: string]: unknown;
  constructor(
    readonly requestId: string,
    private readonly parent: Logger,
  ) {}
  get log(): Logger {
    return (this.#log ??= this.parent.child({ reqId: this.requestId }));
  }
}

/**
 * Gives every request an id (the caller's X-Request-Id when it looks sane, else a new one),
 * echoes it back, and binds a child logger carrying it (`ctx.state.log`), so every log line of
 * the request can be found by that id. The closing "request" line carries the id itself,
 * through the parent.
 */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get("x-request-id");
    const id = SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
    ctx.state = new RequestState(id, logger);
    ctx.set("X-Request-Id", id);
    const start = performance.now();
    try {
      await next();
    } finally {
      if (logger.isLevelEnabled("info")) {
        const ms = performance.now() - start;
        logger.info({ reqId: id, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, "request");
      }
    }
  };
}
