import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client";
import { openPGlite, openPool, pgliteDriver, postgresDriver, type DbKind, type SqlDriver } from "./driver";
import { migrate } from "./migrate";
import { releaseBrokenTransactions } from "./release-broken";

export { PrismaClient, Prisma } from "../../generated/prisma/client";
export type * from "../../generated/prisma/models";
export { migrate, readMigrations, type Migration } from "./migrate";
export { isDataRefusal, isDatabaseUnavailable, isUniqueViolation } from "./errors";
export type { DbKind, SqlDriver, SqlConnection } from "./driver";

export interface Db {
  kind: DbKind;
  prisma: PrismaClient;
  /** Raw SQL access (migrations, health checks, trigram search). */
  sql: SqlDriver;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgresql:// URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Folder for the embedded database; "memory://" for an in-memory one (tests). */
  dataDir: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

/**
 * Opens the database: PGlite (embedded PostgreSQL in WebAssembly) by default, a PostgreSQL
 * server through node-postgres when a URL is given. The same Prisma schema and migrations
 * serve both; Prisma runs on its JS engine through a driver adapter (no Rust query engine).
 */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  let sql: SqlDriver;
  let prisma: PrismaClient;
  if (opts.databaseUrl) {
    const pool = openPool(opts.databaseUrl);
    sql = postgresDriver(pool);
    prisma = new PrismaClient({ adapter: releaseBrokenTransactions(new PrismaPg(pool)) });
  } else {
    const pglite = await openPGlite(opts.dataDir);
    sql = pgliteDriver(pglite);
    // pglite-prisma-adapter is typed against an older driver-adapter-utils; same shape at run time.
    const adapter = new PrismaPGlite(pglite) as unknown as ConstructorParameters<typeof PrismaClient>[0] extends {
      adapter?: infer A;
    }
      ? A
      : never;
    prisma = new PrismaClient({ adapter });
  }
  if (opts.migrate !== false) await migrate(sql);
  return {
    kind: sql.kind,
    prisma,
    sql,
    async ping() {
      try {
        const c = await sql.connect();
        try {
          await c.query("SELECT 1");
        } finally {
          await c.release();
        }
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}
