import http from "node:http";
import type Router from "@koa/router";
import type { AddressInfo } from "node:net";
import type { Config } from "./platform/config";
import type { AppContext } from "./platform/context";
import type { Capability } from "./platform/capability";
import { createLogger, type Logger } from "./platform/logger";
import { openDb } from "./platform/db";
import { createStore } from "./platform/store";
import { createQueue, failedJobTable } from "./platform/queue";
import { createFieldCrypto, resolveEncryptionKey } from "./platform/field-crypto";
import { createHttpApp } from "./http/app";
import { createCapabilities } from "./capabilities";
import { releaseStartupGarbage } from "./platform/release-startup-garbage";

export interface Service {
  ctx: AppContext;
  /** Base URL when the web role listens, e.g. http://127.0.0.1:3000 */
  url?: string;
  /** The routes the web role answers (none for a worker). */
  routes: readonly { method: string; path: string }[];
  /** The web role's routes as registered (tests walk them). */
  router?: Router;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  capabilities?: Capability[];
  now?: () => Date;
}

/**
 * Boots one instance: database (migrated), store, queue, capabilities, and — per ROLE — the
 * HTTP server and/or the job worker. `stop()` is the graceful shutdown: stop accepting,
 * finish in-flight requests and jobs, close pools.
 */
export async function startService(config: Config, opts: StartOptions = {}): Promise<Service> {
  const logger =
    opts.logger ??
    createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT ?? (config.NODE_ENV === "production" ? "json" : "pretty") });
  const role = { web: config.ROLE !== "worker", worker: config.ROLE !== "web" };
  // Fresh capability objects per instance: they hold per-instance state (the search index).
  const caps = opts.capabilities ?? createCapabilities();
  for (const cap of caps) cap.checkConfig?.(config);

  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const store = createStore(config);
  const queue = createQueue(config.REDIS_URL, failedJobTable(db.prisma), `${config.REDIS_PREFIX}-jobs`);
  const { key, generated } = resolveEncryptionKey(config.DATA_ENCRYPTION_KEY, config.DATA_DIR);
  if (generated && config.DATABASE_URL) {
    logger.warn("DATA_ENCRYPTION_KEY is not set: generated one in DATA_DIR; instances sharing this database must share the key");
  }
  const ctx: AppContext = { config, logger, db, store, queue, crypto: createFieldCrypto(key, config.DATA_ENCRYPTION_ALGORITHM), now: opts.now ?? (() => new Date()) };

  logger.info({ database: db.kind, redis: config.REDIS_URL ? "redis" : "memory", role: config.ROLE }, "starting");
  if (config.ROLE !== "all" && !config.REDIS_URL) {
    logger.warn(`ROLE=${config.ROLE} without REDIS_URL: jobs are in-process, so no other instance will run or enqueue them`);
  }
  const off = Object.entries(config.features).filter(([, on]) => !on).map(([f]) => f);
  if (off.length) logger.info({ off }, `not configured, so off: ${off.join(", ")}`);

  for (const cap of caps) for (const job of cap.jobs?.(ctx) ?? []) queue.register(job);
  for (const cap of caps) await cap.start?.(ctx, role);
  if (role.worker) await queue.start();

  let server: http.Server | undefined;
  let markShuttingDown = () => {};
  let routes: Service["routes"] = [];
  let router: Router | undefined;
  if (role.web) {
    const web = createHttpApp(ctx, caps);
    markShuttingDown = web.markShuttingDown;
    routes = web.routes;
    router = web.router;
    server = http.createServer(web.app.callback());
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(config.PORT, config.HOST, () => resolve());
    });
  }
  const address = server?.address() as AddressInfo | undefined;
  const url = address ? `http://${address.address === "0.0.0.0" || address.address === "::" ? "127.0.0.1" : address.address}:${address.port}` : undefined;
  if (url) logger.info({ url }, "listening");
  const cancelRelease = releaseStartupGarbage();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      cancelRelease();
      markShuttingDown();
      if (server) {
        // close() stops accepting and resolves once in-flight requests have finished.
        const closed = new Promise<void>((r) => server!.close(() => r()));
        server.closeIdleConnections();
        await closed;
      }
      await queue.close();
      for (const cap of [...caps].reverse()) await cap.stop?.().catch((e: unknown) => logger.error({ err: e }, `stopping ${cap.name}`));
      await store.close();
      await db.close();
      logger.info("stopped");
    })());
  return { ctx, url, routes, router, stop };
}
