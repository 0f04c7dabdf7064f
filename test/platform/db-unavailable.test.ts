import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../src/platform/db";
import { asUnavailable, DependencyUnavailableError } from "../../src/platform/unavailable";

/** The shapes seen when a PostgreSQL server stops under load (test/integration/postgres-restart.test.ts). */
const prismaError = (code: string, message: string, cause: Record<string, unknown>) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("database outage errors → 503 unavailable (issue 16, defect 8)", () => {
  const outage: [string, unknown][] = [
    ["server unreachable (P1001)", prismaError("P1001", "Can't reach database server at 127.0.0.1:5432", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["admin shutdown mid-query (P2010, 57P01)", prismaError("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["connection reset", prismaError("P2010", "Raw query failed", { kind: "ConnectionClosed" })],
    ["a transaction's broken connection", new Error("Client has encountered a connection error and is not queryable")],
    ["node-postgres mid-query", new Error("Connection terminated unexpectedly")],
    ["pool wait timed out", new Error("timeout exceeded when trying to connect")],
    ["node-postgres connect refused", Object.assign(new AggregateError([], "connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03", severity: "FATAL" })],
    ["connection exception class 08", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["wrapped as a cause", new Error("intake failed", { cause: prismaError("P1001", "Can't reach database server", { kind: "DatabaseNotReachable" }) })],
  ];
  it.each(outage)("%s", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    const e = asUnavailable(err)!;
    expect(e.code).toBe("unavailable");
    expect(e.status).toBe(503);
    expect(e.details?.retryAfter).toBeGreaterThan(0);
  });

  const notOutage: [string, unknown][] = [
    ["unique violation", prismaError("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" })],
    ["bad UTF-8 in a query", prismaError("P2010", "invalid byte sequence for encoding \"UTF8\": 0x00", { kind: "postgres", code: "22021" })],
    ["a failed fetch to another service", new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }) })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ];
  it.each(notOutage)("not an outage: %s", (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect(asUnavailable(err)).toBeUndefined();
  });

  it("a bounded Redis or queue operation that gave up is 503 too", () => {
    expect(asUnavailable(new DependencyUnavailableError("queue", "enqueue: no answer"))).toMatchObject({ code: "unavailable", details: { retryAfter: 5 } });
  });
});
