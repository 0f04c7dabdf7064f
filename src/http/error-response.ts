import type { Context } from "koa";
import { AppError, isAppError } from "../platform/errors";
import type { Logger } from "../platform/logger";

/** A request no route answered becomes the not_found error (thrown into respondWithError). */
export function assertAnswered(ctx: Context): void {
  if (ctx.status === 404 && ctx.body === undefined) {
    throw new AppError("not_found", `No route for ${ctx.method} ${ctx.path}`);
  }
}

/**
 * The single place where errors become HTTP responses: `{ error: { code, message } }` with
 * the status of the AppError code. Unknown errors are logged with the request id and shown
 * as a generic 500 so that internals never leak to clients.
 */
export function respondWithError(ctx: Context, err: unknown, logger: Logger): void {
  const e = toAppError(err);
  ctx.status = e.status;
  if ((e.code === "rate_limited" || e.code === "unavailable") && typeof e.details?.retryAfter === "number") {
    ctx.set("Retry-After", String(e.details.retryAfter));
  }
  const body: { code: string; message: string; details?: unknown } = { code: e.code, message: e.message };
  if (e.code === "validation_failed" && e.details?.issues) body.details = e.details.issues;
  ctx.body = { error: body };
  const log = (ctx.state.log as Logger | undefined) ?? logger;
  if (e.status >= 500) log.error({ err }, "request failed");
  else log.info({ code: e.code, msg: e.message }, "request rejected");
}

function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const e = err as { status?: number; statusCode?: number; expose?: boolean; message?: string; type?: string };
  const status = e?.status ?? e?.statusCode;
  // Errors raised by koa/bodyparser/raw-body carry a status and a safe message.
  if (status === 413) return new AppError("payload_too_large", "Request body is too large");
  if (status === 415) return new AppError("unsupported_media_type", e.message ?? "Unsupported media type");
  if (status && status >= 400 && status < 500) {
    // Body parser errors (malformed JSON, bad encoding) carry a 4xx status.
    const message = e.expose && e.message ? e.message : "Malformed request body";
    return new AppError(status === 404 ? "not_found" : "bad_request", message);
  }
  return new AppError("internal", "Internal server error");
}
