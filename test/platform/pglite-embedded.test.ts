import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPGlite, PGLITE_SETTINGS } from "../../src/platform/db/driver";
import { collect, releaseStartupGarbage } from "../../src/platform/release-startup-garbage";

/**
 * The embedded database as the service opens it in DATA_DIR (issue 16, memory): a new one is
 * created by a child process and renamed into place; the buffer pool and the other memory
 * settings are the service's, not initdb's server-sized defaults.
 */
describe("embedded PGlite in a data directory", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-pglite-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("creates the database (initdb in a child process), then opens it again with its data", async () => {
    const db = await openPGlite(dataDir);
    try {
      expect(fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
      expect(fs.readdirSync(dataDir)).toEqual(["pglite"]); // no init-<pid> folder left beside it
      for (const [key, value] of Object.entries(PGLITE_SETTINGS)) {
        const rows = (await db.query<Record<string, string>>(`SHOW ${key}`)).rows;
        expect(rows[0]![key]).toBe(value);
      }
      await db.exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    } finally {
      await db.close();
    }
    const again = await openPGlite(dataDir);
    try {
      expect((await again.query<{ n: number }>("SELECT n FROM kept")).rows).toEqual([{ n: 42 }]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it("replaces what a start killed during initdb left in the folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-pglite-"));
    try {
      fs.mkdirSync(path.join(dir, "pglite"));
      fs.writeFileSync(path.join(dir, "pglite", "half-written"), "x");
      const db = await openPGlite(dir);
      try {
        expect((await db.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
        expect(fs.existsSync(path.join(dir, "pglite", "half-written"))).toBe(false);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("releaseStartupGarbage", () => {
  it("frees unreachable memory when the process runs with --expose-gc (as npm start does), and does nothing without", () => {
    const script = `
      import { collect } from ${JSON.stringify(path.resolve(import.meta.dirname, "../../src/platform/release-startup-garbage.ts"))};
      let junk = Array.from({ length: 200_000 }, (_, i) => ({ i, s: "x".repeat(64) + i }));
      const before = process.memoryUsage().heapUsed;
      junk = null;
      const ran = collect();
      console.log(JSON.stringify({ ran, freedMb: (before - process.memoryUsage().heapUsed) / 1048576 }));`;
    const run = (flags: string[]) =>
      JSON.parse(execFileSync(process.execPath, [...flags, "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" }).trim()) as { ran: boolean; freedMb: number };
    const withFlag = run(["--expose-gc"]);
    expect(withFlag.ran).toBe(true);
    expect(withFlag.freedMb).toBeGreaterThan(10);
    expect(run([]).ran).toBe(false);
  }, 60_000);

  it("can be cancelled before its first try", () => {
    const cancel = releaseStartupGarbage({ everyMs: 60_000 });
    expect(() => cancel()).not.toThrow();
  });
});
