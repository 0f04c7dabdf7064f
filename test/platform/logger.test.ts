import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, MAX_LOG_TEXT } from "../../src/platform/logger";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger({ level: "info", format: "json", destination }), lines };
}

describe("log lines stay short", () => {
  it("cuts an error that quotes kilobytes of SQL, in its message and stack, keeping the start", () => {
    const { logger, lines } = capture();
    const sql = `INSERT INTO "UnansweredQuestion" VALUES ${"($1, $2, $3), ".repeat(3000)}`;
    logger.warn({ err: new Error(`Invalid prisma call: ${sql}`) }, "question log flush failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(3 * MAX_LOG_TEXT + 500);
    const line = JSON.parse(lines[0]!) as { err: { message: string }; msg: string };
    expect(line.err.message.startsWith("Invalid prisma call: INSERT")).toBe(true);
    expect(line.err.message).toMatch(/more chars\]$/);
    expect(line.msg).toBe("question log flush failed");
  });

  it("cuts a long message and long fields alike, and leaves short ones as they are", () => {
    const { logger, lines } = capture();
    logger.info({ detail: "x".repeat(10_000), short: "ok" }, "y".repeat(10_000));
    const line = JSON.parse(lines[0]!) as { detail: string; short: string; msg: string };
    expect(line.detail.length).toBeLessThan(MAX_LOG_TEXT + 40);
    expect(line.msg.length).toBeLessThan(MAX_LOG_TEXT + 40);
    expect(line.short).toBe("ok");
  });
});
