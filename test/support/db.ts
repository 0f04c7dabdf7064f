import crypto from "node:crypto";
import pg from "pg";
import { openDb, type Db, type DbKind } from "../../src/platform/db";
import { serversUp } from "./servers";

/**
 * Database-touching tests run twice: on PGlite (in memory) and on the PostgreSQL server
 * (a fresh database per test file, dropped afterwards). TEST_DB_KINDS=pglite narrows it
 * for a quick local run; without it the postgres variant runs where the server answered the
 * run's probe (servers-setup.ts) and is listed as skipped where not. CI requires both.
 */
export const adminUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function testDbKinds(): DbKind[] {
  const v = process.env.TEST_DB_KINDS;
  if (v) return v.split(",").map((s) => s.trim()) as DbKind[];
  return serversUp("postgres") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDb extends Db {
  /** The postgresql:// URL of the fresh database (postgres kind only). */
  url?: string;
}

export async function createTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === "pglite") return openDb({ dataDir: "memory://" });
  const { url, drop } = await createPgDatabase();
  const db = await openDb({ databaseUrl: url, dataDir: "memory://" });
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await drop();
    },
  };
}

/** A fresh empty database on the PostgreSQL server; `drop` removes it. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `zw_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
