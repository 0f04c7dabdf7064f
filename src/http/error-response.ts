import type { Context } from "koa";
import { isAppError, type AppError } from "../platform/errors";
import { platformErrors } from "../platform/platform-errors";
import { t } from "../platform/templates";
import type { Logger } from "../platform/logger";
import { asUnavailable } from "../platform/unavailable";

/** A request no route answered becomes the route_not_found error (thrown into respondWithError). */
export function assertAnswered(ctx: Context): void {
  if (ctx.status === 404 && ctx.body === undefined) {
    throw platformErrors("route_not_found", { method: ctx.method, path: ctx.path });
  }
}

/**
 * The single place where errors become HTTP responses: `{ error: { code, message } }` with
 * the status of the AppError code. Unknown errors are logged with the request id and shown
 * as a generic 500 so that internals never leak to clients; the error goes on the request's log
 * line (request-context.ts), with its stack for a 5xx.
 */
export function respondWithError(ctx: Context, err: unknown, logger: Logger): void {
  const e = toAppError(err);
  ctx.status = e.status;
  if ((e.code === "rate_limited" || e.code === "unavailable") && typeof e.details?.retryAfter === "number") {
    ctx.set("Retry-After", String(e.details.retryAfter));
  }
  const body: { code: string; message: string; details?: unknown } = { code: e.publicCode, message: e.message };
  if (e.code === "validation_failed" && e.details?.issues) body.details = e.details.issues;
  ctx.body = { error: body };
  // The request's one log line (logRequest) carries the outcome; the detail of a refusal is
  // for debugging only.
  // Only a failure of ours carries its error (and stack); a dependency that is down (503) is
  // an outage the line's code names.
  ctx.state.failure = e.code === "internal" ? { code: e.code, err } : { code: e.publicCode };
  if (e.status < 500 && logger.isLevelEnabled("debug")) ((ctx.state.log as Logger | undefined) ?? logger).debug({ code: e.publicCode, msg: e.message }, "request rejected");
}

function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  // A dependency that is down (database connection, Redis): 503 with Retry-After, not 500.
  const unavailable = asUnavailable(err);
  if (unavailable) return unavailable;
  const e = err as { status?: number; statusCode?: number; expose?: boolean; message?: string; type?: string };
  const status = e?.status ?? e?.statusCode;
  // Errors raised by koa/bodyparser/raw-body carry a status and a safe message.
  if (status === 413) return platformErrors("body_too_large");
  if (status === 415) return platformErrors("media_type_unsupported", { detail: e.message ?? t("platform", "zh", "unparseable") });
  // A body whose Content-Encoding does not match its bytes fails in zlib, which sets no status.
  if (isDecompressionError(err)) return platformErrors("body_encoding_mismatch");
  if (status && status >= 400 && status < 500) {
    // Body parser errors (malformed JSON, bad encoding) carry a 4xx status.
    return platformErrors("body_malformed", { detail: e.expose && e.message ? e.message : t("platform", "zh", "unparseable") });
  }
  return platformErrors("unexpected_error");
}

/** zlib's inflate, gunzip and brotli errors (codes Z_DATA_ERROR, Z_BUF_ERROR, ERR_BROTLI_…, ERR__ERROR_FORMAT_…). */
function isDecompressionError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && /^(Z_|ERR_BROTLI|ERR__ERROR_FORMAT)/.test(code);
}
