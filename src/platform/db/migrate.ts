import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { SqlDriver } from "./driver";

/**
 * Applies the committed Prisma migrations (prisma/migrations/<name>/migration.sql) to either
 * kind of database. Prisma's own `migrate deploy` cannot run here against a real server
 * through the pg driver adapter (prisma/orm#27403), so this small runner does it:
 * - applied migrations are recorded in `app_migration` (name + checksum), so none is applied
 *   twice, and an edited, already-applied migration is refused instead of silently skipped;
 * - each migration runs in its own transaction (PostgreSQL DDL is transactional), so a failed
 *   one leaves the database as it was;
 * - a session-level advisory lock serialises instances that start at the same time.
 */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

const LOCK_KEY = 7_336_000_001; // arbitrary, constant: "zw migrations"

export function readMigrations(dir = defaultMigrationsDir): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(driver: SqlDriver, migrations = readMigrations()): Promise<string[]> {
  const conn = await driver.connect();
  const applied: string[] = [];
  try {
    await conn.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await conn.exec(`CREATE TABLE IF NOT EXISTS app_migration (
        name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const rows = await conn.query<{ name: string; checksum: string }>("SELECT name, checksum FROM app_migration");
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      for (const m of migrations) {
        const sum = done.get(m.name);
        if (sum !== undefined) {
          if (sum !== m.checksum) {
            throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
          }
          continue;
        }
        await conn.exec("BEGIN");
        try {
          await conn.exec(m.sql);
          await conn.query("INSERT INTO app_migration (name, checksum) VALUES ($1, $2)", [m.name, m.checksum]);
          await conn.exec("COMMIT");
        } catch (e) {
          await conn.exec("ROLLBACK");
          throw new Error(`Migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
        }
        applied.push(m.name);
      }
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await conn.release();
  }
  return applied;
}
