import crypto from "node:crypto";
import type { Context } from "koa";
import type { Logger } from "../platform/logger";

const SANE_ID = /^[\w.-]{1,64}$/;

/**
 * New request ids: this instance's random prefix and a counter — unique across instances and
 * restarts without drawing a UUID per request.
 */
const INSTANCE = crypto.randomBytes(6).toString("hex");
let issued = 0;
const newRequestId = () => `${INSTANCE}-${(++issued).toString(36)}`;

/**
 * `ctx.state` of one request: its id, and a child logger carrying the id, made when first
 * used (most requests never log beyond their one line). A class, so the lazy `log` is one
 * getter on the prototype, not a property defined on every request's state.
 */
export class RequestState {
  #log?: Logger;
  readonly #parent: Logger;
  [key: string]: unknown;
  constructor(
    readonly requestId: string,
    parent: Logger,
  ) {
    this.#parent = parent;
  }
  get log(): Logger {
    return (this.#log ??= this.#parent.child({ reqId: this.requestId }));
  }
}

/**
 * Gives the request an id (the caller's X-Request-Id when it looks sane, else a new one),
 * echoes it back, and binds `ctx.state` with the child logger carrying it, so every log line
 * of the request can be found by that id.
 */
export function beginRequest(ctx: Context, logger: Logger): string {
  const incoming = ctx.get("x-request-id");
  const id = SANE_ID.test(incoming) ? incoming : newRequestId();
  ctx.state = new RequestState(id, logger);
  ctx.set("X-Request-Id", id);
  return id;
}

/**
 * The request's one line, with the id, through the parent logger (no child needed): at info,
 * with the error code of a refusal; at warn for an outage (503); at error, with the error
 * itself, when the service failed.
 */
export function logRequest(logger: Logger, ctx: Context, id: string, ms: number): void {
  const failure = ctx.state.failure as { code: string; err?: unknown } | undefined;
  const line = { reqId: id, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 };
  if (failure?.err !== undefined) logger.error({ ...line, code: failure.code, err: failure.err }, "request");
  else if (ctx.status >= 500) logger.warn({ ...line, code: failure?.code }, "request");
  else if (logger.isLevelEnabled("info")) logger.info(failure ? { ...line, code: failure.code } : line, "request");
}
