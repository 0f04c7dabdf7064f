import fs from "node:fs";
import { expect } from "vitest";

/**
 * Which servers this run has (probed once by test/support/servers-setup.ts, vitest's
 * globalSetup). A test that needs one asks here; where it is missing the variant is left out
 * and the file is written down, and the run ends with a plain list of what was skipped.
 * Outside vitest (no probe ran) every server counts as present, as before.
 */
export type ServerNeed = "postgres" | "redis" | "redis-server" | "postgres-binaries";

export const SERVERS_ENV = "ZW_TEST_SERVERS";
export const SKIP_LOG_ENV = "ZW_TEST_SKIP_LOG";

/** What the probe found: for each missing need, why. */
export function missingServers(): Partial<Record<ServerNeed, string>> {
  const raw = process.env[SERVERS_ENV];
  return raw ? (JSON.parse(raw) as Partial<Record<ServerNeed, string>>) : {};
}

/** True where every need is met; otherwise records the skip for the end-of-run summary. */
export function serversUp(...needs: ServerNeed[]): boolean {
  const missing = missingServers();
  const absent = needs.filter((n) => missing[n] !== undefined);
  const log = process.env[SKIP_LOG_ENV];
  if (absent.length && log) {
    const file = expect.getState().testPath ?? "(unknown file)";
    fs.appendFileSync(log, absent.map((n) => `${n}\t${file}\n`).join(""));
  }
  return absent.length === 0;
}
