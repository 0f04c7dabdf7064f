import type { AppError } from "./errors";
import { platformErrors } from "./platform-errors";
import { t } from "./templates";
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
    return down(err.dependency);
  }
  if (isDatabaseUnavailable(err)) {
    return down("database");
  }
  return undefined;
}

const down = (dependency: DependencyUnavailableError["dependency"]) =>
  platformErrors("dependency_unavailable", { what: t("platform", "zh", `dependencies.${dependency}`) }, { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS, dependency });
