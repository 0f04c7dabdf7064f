import path from "node:path";
import fs from "node:fs";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * A single SQL connection used for migrations and the few raw queries Prisma cannot express.
 * Both PGlite (embedded) and node-postgres (server) speak it; statements without parameters
 * may contain several commands (simple-query protocol).
 */
export interface SqlConnection {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  release(): Promise<void>;
}

export type DbKind = "pglite" | "postgres";

export interface SqlDriver {
  kind: DbKind;
  /** Borrow one connection (PGlite has exactly one; Postgres takes one from the pool). */
  connect(): Promise<SqlConnection>;
  close(): Promise<void>;
}

/**
 * PGlite is a single connection, so "borrowing" it is exclusive: a second caller waits until
 * the first releases (otherwise two migration runs would interleave their BEGIN/COMMIT).
 */
export function pgliteDriver(db: PGlite): SqlDriver {
  let tail: Promise<void> = Promise.resolve();
  return {
    kind: "pglite",
    async connect() {
      let release!: () => void;
      const turn = new Promise<void>((r) => (release = r));
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      return {
        exec: async (sql) => {
          await db.exec(sql);
        },
        query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
        release: async () => release(),
      };
    },
    close: () => db.close(),
  };
}

export function postgresDriver(pool: pg.Pool): SqlDriver {
  return {
    kind: "postgres",
    async connect() {
      const client = await pool.connect();
      return {
        exec: async (sql) => {
          await client.query(sql);
        },
        query: async <T>(sql: string, params?: unknown[]) =>
          (await client.query(sql, params)).rows as T[],
        release: async () => client.release(),
      };
    },
    close: () => pool.end(),
  };
}

/** Opens PGlite in `<dataDir>/pglite` (created if missing), or in memory for "memory://". */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  const dir = dataDir === "memory://" ? undefined : path.resolve(dataDir, "pglite");
  if (dir) fs.mkdirSync(dir, { recursive: true });
  return PGlite.create(dir, { extensions: { pg_trgm } });
}

export function openPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {
    /* idle client errors (server restart) surface on the next query and in /readyz */
  });
  return pool;
}
