import { AppError } from "./errors";
import { isDatabaseUnavailable } from "./db/errors";

/** Seconds a client is asked to wait (Retry-After) when a dependency is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * A dependency (Redis as store or job queue) did not answer within its bound. Not an AppError
 * on purpose: callers that can do without it (a rate limiter, an enqueue after commit that a
 * sweep redoes) catch it like any other failure; when it reaches the HTTP layer it becomes a
 * 503 `unavailable` with Retry-After (`asUnavailable`).
 */
export class DependencyUnavailableError extends Error {
  override readonly name = "DependencyUnavailableError";
  constructor(
    readonly dependency: "redis" | "queue" | "database",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The one rule for outages: an error that means "a dependency is down" — a bounded Redis/queue
 * operation that gave up, or a connection-level database error (server unreachable,
 * connection terminated, admin shutdown; see db/errors.ts) — becomes 503 `unavailable` with
 * Retry-After. Anything else: undefined (the caller maps it as before).
 */
export function asUnavailable(err: unknown): AppError | undefined {
  if (err instanceof DependencyUnavailableError) {
    const what = err.dependency === "database" ? "数据库" : "缓存/队列服务";
    return new AppError("unavailable", `${what}暂时不可用，请稍后重试 (service temporarily unavailable)`, { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS, dependency: err.dependency });
  }
  if (isDatabaseUnavailable(err)) {
    return new AppError("unavailable", "数据库暂时不可用，请稍后重试 (service temporarily unavailable)", { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS, dependency: "database" });
  }
  return undefined;
}
