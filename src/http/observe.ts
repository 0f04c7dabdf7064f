import type { Middleware } from "koa";
import type { Logger } from "../platform/logger";
import { assertAnswered, respondWithError } from "./error-response";
import type { createMetrics } from "./metrics";
import { beginRequest, logRequest } from "./request-context";

/**
 * The outermost middleware, one for what every request gets: an id (request-context.ts), the
 * error shape (error-response.ts), its latency metric (metrics.ts) and its log line, in one
 * async frame rather than three nested middlewares (bench/README.md, "Per-message costs").
 */
export function observeRequests(logger: Logger, metrics: ReturnType<typeof createMetrics>): Middleware {
  return async (ctx, next) => {
    const id = beginRequest(ctx, logger);
    const start = performance.now();
    try {
      await next();
      assertAnswered(ctx);
    } catch (err) {
      respondWithError(ctx, err, logger);
    } finally {
      const ms = performance.now() - start;
      metrics.record(ctx, ms / 1000);
      logRequest(logger, ctx, id, ms);
    }
  };
}
