import path from "node:path";
import fs from "node:fs";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
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

/**
 * PostgreSQL settings for the embedded database, on top of PGlite's own start parameters:
 * initdb's server-sized 128 MB buffer pool would be resident WebAssembly memory from the start
 * (bench/README.md, "Memory after start-up"), while the shipped catalog's whole database fits
 * a 16 MB pool (one connection; a bigger one reads through the OS file cache). Passed on the
 * command line, so nothing is written into the data directory's postgresql.conf.
 */
export const PGLITE_SETTINGS: Record<string, string> = {
  shared_buffers: "16MB",
  wal_buffers: "1MB",
  temp_buffers: "2MB",
  max_connections: "4",
};

/** Opens PGlite in `<dataDir>/pglite` (created if missing), or in memory for "memory://". */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  const dir = dataDir === "memory://" ? undefined : path.resolve(dataDir, "pglite");
  if (dir) fs.mkdirSync(dir, { recursive: true });
  if (dir && !fs.existsSync(path.join(dir, "PG_VERSION"))) await initPGliteDir(dir);
  const startParams = [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  return PGlite.create(dir, { extensions: { pg_trgm }, startParams });
}

/**
 * Creates a new embedded database (initdb) in a short-lived child process, because PGlite's
 * initdb (a second WebAssembly instance and an in-memory tarball) leaves memory this process
 * could never give back — WebAssembly memory does not shrink (bench/README.md, "Memory after
 * start-up"). Built beside `dir` and renamed into place, so a killed start leaves no half-made
 * database behind.
 */
async function initPGliteDir(dir: string): Promise<void> {
  const tmp = `${dir}.init-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const script = "require(process.argv[1]).PGlite.create(process.argv[2]).then((db) => db.close())";
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ["-e", script, entry, tmp], { maxBuffer: 16 << 20 }, (err, _stdout, stderr) =>
      err ? reject(new Error(`creating the embedded database in ${dir} failed: ${stderr || err.message}`)) : resolve(),
    ),
  );
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process made it meanwhile
    return;
  }
  fs.rmSync(dir, { recursive: true, force: true }); // empty, or what a killed PGlite left
  fs.renameSync(tmp, dir);
}

export function openPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {
    /* idle client errors (server restart) surface on the next query and in /readyz */
  });
  return pool;
}
