/**
 * One server of the message-endpoint benchmark, in a process of its own (started by
 * bench/wechat-endpoint.ts with `fork`), as each would run in production: no other app's
 * objects in its heap, no other app's shapes in the inline caches of Koa's code they share.
 *
 *   BENCH_SERVER=echo   co-wechat's documented minimal echo bot (the baseline)
 *   BENCH_SERVER=full   the service itself (`startService`, as `npm start` runs it: embedded
 *                       PGlite, the shipped guides, every capability's routes), its own /wechat
 *   BENCH_SERVER=bare   the same service's WeChat capability on a bare Koa app and router
 *   BENCH_MODE=plain|aes, BENCH_ANSWER_CACHE=<entries> (0: every question computed)
 *   BENCH_REDIS_URL=redis://…  the service on Redis (store, jobs) as several instances run it,
 *                       under a key prefix of its own
 *
 * IPC: sends `{ url }` once listening; answers "busy" with `{ busyMs, cache }` — this process's
 * event-loop busy time so far and its answer cache's counters — and exits on "stop".
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import Koa from "koa";
import Router from "@koa/router";
// The WeChat tests' account (token, AppId, EncodingAESKey): the benchmark signs with their helper.
import { AES_KEY, APPID, TOKEN, wechatEnv, type Mode } from "../../test/wechat/helpers";

export type ServerKind = "echo" | "full" | "bare";
export type ServerReply = { url: string } | { busyMs: number; cache?: { hits: number; misses: number; size: number } };

function coWechatApp(mode: Mode): Koa {
  const require = createRequire(import.meta.url);
  const wechat = require("co-wechat") as (cfg: object) => { middleware(fn: (m: Record<string, string>) => Promise<string>): Koa.Middleware };
  const app = new Koa();
  const router = new Router();
  router.post("/wechat", wechat({ token: TOKEN, appid: APPID, ...(mode === "aes" ? { encodingAESKey: AES_KEY } : {}) }).middleware(async (m) => m.Content ?? ""));
  app.use(router.routes());
  return app;
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5000; // as the service's own server (src/server.ts)
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat`;
}

async function main(kind: ServerKind, mode: Mode, answerCache: number): Promise<void> {
  if (kind === "echo") {
    const url = await listen(coWechatApp(mode).callback());
    process.send!({ url } satisfies ServerReply);
    process.on("message", (m) => (m === "stop" ? process.exit(0) : process.send!({ busyMs: performance.eventLoopUtilization().active } satisfies ServerReply)));
    return;
  }
  const { startService } = await import("../../src/server");
  const { createCapabilities } = await import("../../src/capabilities");
  const { loadConfig } = await import("../../src/platform/config");
  const { createLogger } = await import("../../src/platform/logger");
  const caps = createCapabilities();
  const chat = caps.find((c) => c.name === "chat") as unknown as import("../../src/chat/capability").ChatCapability;
  const config = loadConfig(
    {
      NODE_ENV: "production",
      ROLE: "all",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: "memory://",
      LOG_LEVEL: "silent",
      CHAT_ANSWER_CACHE: String(answerCache),
      // Each bench citizen asks ~50 questions a minute (warm-ups and measured batches); the
      // per-person pace is still checked on every message, just never reached.
      CHAT_LIMIT_PER_USER_MINUTE: "1000000",
      ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL, REDIS_PREFIX } : {}),
      ...wechatEnv(mode),
    },
    "/nonexistent",
  );
  const svc = await startService(config, { capabilities: caps, logger: createLogger({ level: "silent", format: "json" }) });
  let url = `${svc.url}/wechat`;
  if (kind === "bare") {
    const app = new Koa();
    const router = new Router();
    caps.find((c) => c.name === "wechat")!.routes!(router, svc.ctx);
    app.use(router.routes());
    url = await listen(app.callback());
  }
  process.send!({ url } satisfies ServerReply);
  process.on("message", (m) => {
    if (m === "stop") void svc.stop().then(forgetRedisKeys).finally(() => process.exit(0));
    else process.send!({ busyMs: performance.eventLoopUtilization().active, cache: chat.answerCacheStats() } satisfies ServerReply);
  });
}

/** This server's keys on Redis. */
const REDIS_PREFIX = `zwbench${process.pid}`;

/** On Redis, the benchmark's slots and sessions go with it (they would expire within 30 minutes). */
async function forgetRedisKeys(): Promise<void> {
  const url = process.env.BENCH_REDIS_URL;
  if (!url) return;
  const { Redis } = await import("ioredis");
  const redis = new Redis(url);
  try {
    const stream = redis.scanStream({ match: `${REDIS_PREFIX}:*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.unlink(...keys);
  } finally {
    redis.disconnect();
  }
}

const kind = process.env.BENCH_SERVER as ServerKind | undefined;
// A server outlives nothing: when the benchmark goes (finished, failed or killed), so does it.
if (kind && process.send) process.on("disconnect", () => process.exit(0));
if (kind && process.send) await main(kind, (process.env.BENCH_MODE ?? "plain") as Mode, Number(process.env.BENCH_ANSWER_CACHE ?? 5000));
