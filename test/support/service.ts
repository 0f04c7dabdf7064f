import crypto from "node:crypto";
import { Writable } from "node:stream";
import { loadConfig } from "../../src/platform/config";
import { createLogger } from "../../src/platform/logger";
import { startService, type Service } from "../../src/server";
import type { Capability } from "../../src/platform/capability";
import { createPgDatabase, type TestDb } from "./db";
import { testRedisUrl } from "./store";
import type { DbKind } from "../../src/platform/db";

export interface TestService extends Service {
  url: string;
  /** Every log line the service wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Raw log text (for "no personal data in logs" checks). */
  logText(): string;
}

export interface TestServiceOptions {
  db?: DbKind;
  redis?: boolean;
  env?: Record<string, string>;
  capabilities?: Capability[];
  now?: () => Date;
  /** Reuse an existing database URL (second instance on the same database). */
  databaseUrl?: string;
}

/**
 * Starts a real service instance on a free port, exactly as main.ts does, with a fresh
 * database (PGlite in memory, or a new database on the PostgreSQL server) and logs captured.
 */
export async function startTestService(opts: TestServiceOptions = {}): Promise<TestService> {
  let dropPg: (() => Promise<void>) | undefined;
  let databaseUrl = opts.databaseUrl;
  if (!databaseUrl && opts.db === "postgres") {
    const pg = await createPgDatabase();
    databaseUrl = pg.url;
    dropPg = pg.drop;
  }
  const env: Record<string, string> = {
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: "memory://",
    LOG_LEVEL: "debug",
    AUTO_IMPORT_GUIDES: "false",
    // The start-up JIT warm-up is exercised, kept short.
    SEARCH_WARMUP_QUERIES: "200",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // A private Redis namespace per test service (keys, channels, BullMQ queue), unless the
    // test passes REDIS_PREFIX to make two instances share one.
    ...(opts.redis ? { REDIS_URL: testRedisUrl, REDIS_PREFIX: `zwt${crypto.randomBytes(4).toString("hex")}` } : {}),
    ...opts.env,
  };
  const config = loadConfig(env, "/nonexistent");
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level: config.LOG_LEVEL, format: "json", destination });
  const service = await startService(config, { logger, capabilities: opts.capabilities, now: opts.now });
  return {
    ...service,
    url: service.url!,
    get logs() {
      return lines.flatMap((l) => l.split("\n").filter(Boolean).map((x) => JSON.parse(x) as Record<string, unknown>));
    },
    logText: () => lines.join(""),
    async stop() {
      await service.stop();
      await dropPg?.();
    },
  };
}

export type { TestDb };
