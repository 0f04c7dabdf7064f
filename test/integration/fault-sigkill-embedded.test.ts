import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServiceBundle, spawnService, type ChildService, type ServiceBundle } from "../support/child-service";
import { createOpen311Key, intakeStream, missingTickets, waitFor, type Filed } from "../support/intake-stream";

const ADMIN_TOKEN = "fault-admin-token";
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 3);

/**
 * Issue 16, fault test: the embedded instance (PGlite in DATA_DIR), run as `npm start` runs it,
 * is SIGKILLed in the middle of a stream of Open311 complaint POSTs, then started again on the
 * same DATA_DIR — ROUNDS times. Every request that was answered 2xx must be there after the
 * restart, under the ticket number it was given; no ticket number is given twice.
 */
describe("SIGKILL of the embedded instance during intake", () => {
  let bundle: ServiceBundle;
  let dataDir: string;
  let svc: ChildService | undefined;
  beforeAll(async () => {
    bundle = await buildServiceBundle();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-sigkill-"));
  });
  afterAll(async () => {
    await svc?.kill();
    bundle?.remove();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // The catalog plays no part in intake: not importing it keeps each start to seconds.
  const start = () =>
    spawnService({ entry: bundle.entry, env: { DATA_DIR: dataDir, ADMIN_TOKEN, AUTO_IMPORT_GUIDES: "false" }, startTimeoutMs: 120_000 });

  it(`keeps every acknowledged complaint across ${ROUNDS} kills`, async () => {
    svc = await start();
    const apiKey = await createOpen311Key(svc.url, ADMIN_TOKEN);
    const acked: Filed[] = [];
    const measured: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const stream = intakeStream({ urls: [svc.url], apiKey, workers: 4, prefix: `标记r${round}n` });
      // Kill at a different point each round, with requests in flight.
      await waitFor(() => stream.acked().length >= 5 + round * 7, 30_000, "acknowledged complaints");
      await new Promise((r) => setTimeout(r, 37 * round));
      await svc.kill();
      const filed = await stream.stop();
      acked.push(...filed.filter((f) => f.ticketNo));
      measured.push(`round ${round}: ${filed.filter((f) => f.ticketNo).length} acked, ${filed.filter((f) => !f.ticketNo).length} cut off`);

      const t = Date.now();
      svc = await start();
      measured.push(`restart ${Date.now() - t} ms`);
      expect(await missingTickets(svc.url, acked), `${measured.join("; ")}\n${svc.output().slice(-2000)}`).toEqual([]);
    }
    expect(acked.length).toBeGreaterThanOrEqual(ROUNDS * 5);
    const numbers = acked.map((f) => f.ticketNo!);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Intake still works after the last restart, and goes on numbering without reusing a number.
    const after = intakeStream({ urls: [svc.url], apiKey, workers: 1, prefix: "标记after" });
    await waitFor(() => after.acked().length >= 2, 30_000, "intake after restart");
    const more = (await after.stop()).filter((f) => f.ticketNo).map((f) => f.ticketNo!);
    expect(more.filter((n) => numbers.includes(n))).toEqual([]);
    console.info(`[fault-sigkill] ${measured.join("; ")}`);
  }, 240_000);
});
