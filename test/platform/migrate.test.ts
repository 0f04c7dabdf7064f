import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations, type Migration } from "../../src/platform/db";
import { openPGlite, openPool, pgliteDriver, postgresDriver, type SqlDriver } from "../../src/platform/db/driver";
import { createPgDatabase, testDbKinds } from "../support/db";

const mig = (name: string, sql: string): Migration => ({ name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") });

describe.each(testDbKinds())("migration runner (%s)", (kind) => {
  let driver: SqlDriver;
  let drop: (() => Promise<void>) | undefined;
  const open = async () => {
    if (kind === "pglite") driver = pgliteDriver(await openPGlite("memory://"));
    else {
      const db = await createPgDatabase();
      drop = db.drop;
      driver = postgresDriver(openPool(db.url));
    }
  };
  const tables = async () => {
    const c = await driver.connect();
    const rows = await c.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    await c.release();
    return rows.map((r) => r.t);
  };
  afterEach(async () => {
    await driver.close();
    await drop?.();
    drop = undefined;
  });

  it("applies the committed migrations once, and none the second time", async () => {
    await open();
    const first = await migrate(driver);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(driver)).toEqual([]);
    expect(await tables()).toContain("failed_job");
  });

  it("rolls back a failing migration completely and stops there", async () => {
    await open();
    const ms = [
      mig("001_ok", "CREATE TABLE a (id int);"),
      mig("002_bad", "CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1);"),
      mig("003_after", "CREATE TABLE c (id int);"),
    ];
    await expect(migrate(driver, ms)).rejects.toThrow(/002_bad failed and was rolled back/);
    expect(await tables()).toEqual(["a", "app_migration"]);
    // Fixed and retried: continues where it stopped.
    ms[1] = mig("002_bad", "CREATE TABLE b (id int);");
    expect(await migrate(driver, ms)).toEqual(["002_bad", "003_after"]);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    await open();
    await migrate(driver, [mig("001", "CREATE TABLE x (id int);")]);
    await expect(migrate(driver, [mig("001", "CREATE TABLE x (id bigint);")])).rejects.toThrow(/changed after it was applied/);
  });

  it("serialises concurrent runners so each migration is applied once", async () => {
    await open();
    const ms = [mig("001", "CREATE TABLE once (id int);"), mig("002", "ALTER TABLE once ADD COLUMN v int;")];
    const results = await Promise.all([migrate(driver, ms), migrate(driver, ms), migrate(driver, ms)]);
    expect(results.flat().sort()).toEqual(["001", "002"]);
  });
});
