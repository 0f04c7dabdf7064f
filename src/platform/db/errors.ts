/**
 * Prisma's "unique constraint failed", however it surfaces: P2002 from the query engine,
 * SQLSTATE 23505 from a driver adapter (directly, as the cause, or in the adapter's error
 * metadata), or only in the message.
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === "P2002" ||
    e?.code === "23505" ||
    e?.cause?.code === "23505" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" ||
    /unique constraint/i.test(e?.message ?? "")
  );
}

/**
 * The database (or Prisma, before sending) refused this statement's *data*, not the request:
 * a value it cannot store — NUL or a lone surrogate in text, a value out of range, a broken
 * constraint. Retrying the same rows fails the same way; retrying without them succeeds.
 * Anything else (connection lost, timeout, server shutting down) is an outage: retry later.
 * SQLSTATE class 22 is "data exception", 23 "integrity constraint violation"
 * (PostgreSQL manual, appendix A); a lone surrogate never reaches the server — Prisma rejects
 * the parameter as a PrismaClientValidationError.
 */
export function isDataRefusal(err: unknown): boolean {
  const e = err as {
    name?: string;
    code?: string;
    meta?: { driverAdapterError?: { cause?: { code?: string; originalCode?: string; kind?: string } } };
  };
  if (e?.name === "PrismaClientValidationError") return true;
  const cause = e?.meta?.driverAdapterError?.cause;
  const sqlState = cause?.originalCode ?? cause?.code ?? e?.code;
  if (typeof sqlState === "string" && /^2[23][0-9A-Z]{3}$/.test(sqlState)) return true;
  return ["UniqueConstraintViolation", "NullConstraintViolation", "ForeignKeyConstraintViolation", "LengthMismatch", "ValueOutOfRange", "InconsistentColumnData"].includes(cause?.kind ?? "");
}

/** Prisma codes for "the server is not there": can't reach, timed out, closed the connection, no pool connection in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver-adapter error kinds (@prisma/adapter-pg) for the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** node-postgres and pg-pool messages that carry no code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

/** SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections). */
const isUnavailableSqlState = (code: unknown) => typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300");

/**
 * A connection-level database error — the server is down, restarting or refusing connections —
 * as opposed to an error in the query or the data. However it surfaces: a Prisma known error
 * (P1001, P2010 with the SQLSTATE inside), the driver adapter's error metadata, a node-postgres
 * error (socket code, SQLSTATE, or message only), or any of these as `cause`.
 * src/platform/unavailable.ts turns it into 503 `unavailable` with Retry-After.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const e = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: string; code?: unknown; originalCode?: unknown } } };
  };
  const adapter = e.meta?.driverAdapterError?.cause;
  // Socket codes only on the error itself (a node-postgres connect): as a cause they are as
  // likely a failed fetch to some other service.
  if (typeof e.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(e.code) || (depth === 0 && SOCKET_CODES.has(e.code)) || isUnavailableSqlState(e.code))) return true;
  if (adapter && ((adapter.kind && UNAVAILABLE_ADAPTER_KINDS.has(adapter.kind)) || isUnavailableSqlState(adapter.code) || isUnavailableSqlState(adapter.originalCode))) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  if (err instanceof AggregateError && err.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
