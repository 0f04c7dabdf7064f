import { t, type TemplateVars } from "./templates";

/**
 * One error type for the whole service. Operations throw a capability's own errors
 * (`defineErrors` below: a stable domain code such as `ticket_not_found`, its kind, and a
 * message from templates/); only the HTTP layer (src/http/error-response.ts) turns the kind
 * into a status. `new AppError(kind, message)` remains for the platform's own errors
 * (validation, limits, outages), whose kind is their code.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  not_configured: 503,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    /** The kind of error, which decides the HTTP status. */
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable detail (e.g. zod issues, Retry-After seconds). */
    readonly details?: Record<string, unknown>,
    /** The stable domain code clients see (`ticket_not_found`); the kind when absent. */
    readonly reason?: string,
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** What an error response calls it: the domain code, or the kind for the platform's own errors. */
  get publicCode(): string {
    return this.reason ?? this.code;
  }
}

/**
 * A capability's errors: each domain code with its kind; the message is the capability's
 * template `errors.<code>` (templates/<capability>/zh.yaml), filled with `vars`.
 *
 *   const errors = defineErrors("complaints", { ticket_not_found: "not_found" });
 *   throw errors("ticket_not_found", { ticket });
 */
export function defineErrors<C extends string>(capability: string, kinds: Record<C, ErrorCode>) {
  return (code: C, vars?: TemplateVars, details?: Record<string, unknown>): AppError =>
    new AppError(kinds[code], t(capability, "zh", `errors.${code}`, vars), details, code);
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
