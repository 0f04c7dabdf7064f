/**
 * Benchmark of the /wechat message endpoint: signed text messages with distinct MsgIds through
 * the whole path (verify → decrypt → parse → dedupe → handler → render → encrypt), beside a
 * minimal co-wechat echo bot measured in the same run, on the same machine, with the same load.
 *
 *   npm run bench -- wechat-endpoint     (bundled, as `npm start` runs the service)
 *
 * Closed loop: the echo bot and ours (full app, bare Koa) all listening, measured in interleaved
 * batches (see compareInterleaved); the ratio of their totals is reported, with the quartiles of
 * the per-batch ratios and each server's busy time per message. Then an open loop at a fixed
 * rate. The load comes from a worker thread (bench/lib/http-load.ts), as WeChat's would come
 * from elsewhere: the servers' thread does the servers' work only, and is the bottleneck.
 *
 * `runWechatBench({ handleMessage })` takes the dialog handler; run directly it starts a full
 * service (embedded database, shipped guides) and measures the real chat handler against the
 * co-wechat echo bot — so ours does strictly more work than the baseline — inside the service's
 * whole HTTP app (every capability's routes, as `npm start` serves them).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Koa from "koa";
import Router from "@koa/router";
import { encrypt } from "@wecom/crypto";
import type { IncomingMessage, Reply } from "../src/chat/types";
import type { ChatCapability } from "../src/chat/capability";
import type { Capability } from "../src/platform/capability";
import { loadConfig } from "../src/platform/config";
import type { AppContext } from "../src/platform/context";
import { createLogger } from "../src/platform/logger";
import { MemoryQueue } from "../src/platform/queue";
import { MemoryStore } from "../src/platform/store";
import { createHttpApp } from "../src/http/app";
import { createWechatCapability, type MessageHandler } from "../src/wechat";
import { sha1Signature } from "../src/wechat/signature";
import { startLoadWorker, type LoadWorker, type Req } from "./lib/http-load";

const TOKEN = "bench_token";
const APPID = "wxbench000000001";
const AES_KEY = crypto.createHash("sha256").update("bench").digest("base64").slice(0, 43);
type Mode = "plain" | "aes";

export interface BenchOptions {
  handleMessage: MessageHandler;
  /** Also measure our endpoint without the service middleware (default true). */
  bare?: boolean;
  /** Shown in the output, e.g. "echo handler" or "chat.handleMessage". */
  handlerLabel?: string;
  requests?: number;
  concurrency?: number;
  modes?: Mode[];
  /** Offered rate for the open-loop latency phase (messages/s). */
  ratePerSec?: number;
  /** Questions to send (cycled); distinct MsgIds regardless. */
  questions?: string[];
  /** Interleaved batches of the closed-loop comparison (default 20; see compareInterleaved). */
  batches?: number;
  /** The answer cache's counters, to report its hits and misses in the measured batches. */
  cacheStats?: () => { hits: number; misses: number };
  /**
   * A running service whose HTTP app the "full app" reproduces: its context and every
   * capability's routes, the WeChat capability replaced by the benchmark's (the service's own
   * is not configured for the benchmark's token and key). Without it the full app has the
   * WeChat routes and the health routes only.
   */
  service?: { ctx: AppContext; capabilities: Capability[] };
}

interface Stats {
  name: string;
  mode: Mode;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server thread's busy time per message (µs): event-loop utilisation over the batches. */
  busyUs: number;
}

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/wechat`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** A server under test; `close` frees what it holds (ours: its dedupe store) once it has been measured. */
interface App {
  handler: http.RequestListener;
  close?: () => Promise<void>;
}

/**
 * Ours, inside the real HTTP stack (request context, metrics, error middleware, body parser and,
 * given the service, every route it serves), or bare.
 */
function ourApp(mode: Mode, handleMessage: MessageHandler, bare = false, service?: BenchOptions["service"]): App {
  const config = loadConfig(
    { NODE_ENV: "production", WECHAT_TOKEN: TOKEN, WECHAT_APPID: APPID, WECHAT_APPSECRET: "s", ...(mode === "aes" ? { WECHAT_AES_KEY: AES_KEY } : {}) },
    "/nonexistent",
  );
  const queue = new MemoryQueue();
  // Only what the /wechat path touches; db and crypto are never reached by it.
  const store = new MemoryStore();
  const own = { config, logger: createLogger({ level: "silent", format: "json" }), store, queue, now: () => new Date() };
  const ctx = (service ? { ...service.ctx, ...own } : own) as unknown as AppContext;
  const cap = createWechatCapability({ handleMessage });
  for (const job of cap.jobs?.(ctx) ?? []) queue.register(job);
  // Each app's reply slots (10,000 rendered replies, kept 10 minutes) must not stay in the heap
  // and slow the apps measured after it: the store's sweep timer would otherwise keep it alive.
  const close = () => store.close();
  const capabilities = service ? service.capabilities.map((c) => (c.name === "wechat" ? cap : c)) : [cap];
  if (!bare) return { handler: createHttpApp(ctx, capabilities).app.callback(), close };
  // The same endpoint with no service middleware, for a like-for-like comparison with co-wechat.
  const app = new Koa();
  const router = new Router();
  cap.routes?.(router, ctx);
  app.use(router.routes());
  return { handler: app.callback(), close };
}

/** The baseline: co-wechat's documented minimal echo bot. */
function coWechatApp(mode: Mode): App {
  const require = createRequire(import.meta.url);
  const wechat = require("co-wechat") as (cfg: object) => { middleware(fn: (m: Record<string, string>) => Promise<string>): Koa.Middleware };
  const app = new Koa();
  const router = new Router();
  router.post("/wechat", wechat({ token: TOKEN, appid: APPID, ...(mode === "aes" ? { encodingAESKey: AES_KEY } : {}) }).middleware(async (m) => m.Content ?? ""));
  app.use(router.routes());
  return { handler: app.callback() };
}

/** MsgIds are distinct across every batch the process builds. */
let nextMsgId = BigInt(Date.now()) * 1_000_000n;

/** `n` messages from 500 citizens (`<users>0`…`<users>499`), each asking the questions in turn. */
function buildRequests(n: number, mode: Mode, questions: string[], users = "o_bench_"): { path: string; body: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = String(crypto.randomInt(1e9));
    const q = questions[i % questions.length]!;
    const xml = `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[${users}${i % 500}]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${q}]]></Content><MsgId>${nextMsgId++}</MsgId></xml>`;
    const p = new URLSearchParams({ signature: sha1Signature(TOKEN, ts, nonce), timestamp: ts, nonce });
    if (mode === "plain") return { path: `?${p}`, body: xml };
    const cipher = encrypt(AES_KEY, xml, APPID);
    p.set("encrypt_type", "aes");
    p.set("msg_signature", sha1Signature(TOKEN, ts, nonce, cipher));
    return { path: `?${p}`, body: `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt></xml>` };
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Contender {
  name: string;
  app: App;
}

/**
 * Closed loop, interleaved: every contender listens at once, each with citizens of its own (a
 * conversation goes to one endpoint). Each is warmed up by sending, twice, the very sequence of
 * questions it will be measured with (new MsgIds): JIT and caches are then in the state of a
 * running instance asked these questions before — for ours, every (question, conversation
 * state) of the measured run is in the answer cache, which `cacheStats` lets the report show;
 * the run without the cache measures the other extreme. Then the measured messages go in
 * `batches` batches, the contenders taking turns batch by batch (the order rotating). A slow
 * phase of a shared 2-core machine (a neighbour, a major GC) then falls on every contender alike
 * instead of on whichever ran during it: one whole run after another varied by ±15 %; the ratio
 * of interleaved totals by a few %. Each server's busy time is this thread's event-loop
 * utilisation over its batches (the client is in the worker), so it counts the server's work.
 */
async function compareInterleaved(
  client: LoadWorker,
  mode: Mode,
  contenders: Contender[],
  o: { requests: number; concurrency: number; questions: string[]; batches: number; cacheStats?: () => { hits: number; misses: number } },
) {
  const servers = await Promise.all(contenders.map((c) => listen(c.app.handler)));
  const users = (k: number) => `o_bench${k}_`;
  try {
    for (let pass = 0; pass < 2; pass++) {
      for (const [k, server] of servers.entries()) await client.closedLoop(server.url, buildRequests(o.requests, mode, o.questions, users(k)), o.concurrency);
    }
    (globalThis as { gc?: () => void }).gc?.();
    const measured = servers.map((_, k) => buildRequests(o.requests, mode, o.questions, users(k)));
    const before = o.cacheStats?.();
    const size = Math.ceil(o.requests / o.batches);
    const tallies = contenders.map(() => ({ ms: 0, busyMs: 0, latencies: [] as number[], errors: 0, batchMs: [] as number[] }));
    for (let b = 0; b < o.batches; b++) {
      for (let k = 0; k < contenders.length; k++) {
        const i = (b + k) % contenders.length;
        const elu = performance.eventLoopUtilization();
        const r = await client.closedLoop(servers[i]!.url, measured[i]!.slice(b * size, (b + 1) * size), o.concurrency);
        const t = tallies[i]!;
        t.busyMs += performance.eventLoopUtilization(elu).active;
        t.ms += r.ms;
        t.batchMs.push(r.ms);
        t.latencies.push(...r.latencies);
        t.errors += r.errors;
      }
    }
    const after = o.cacheStats?.();
    if (before && after) console.log(`${mode.padEnd(5)} answer cache during the measured batches: ${after.hits - before.hits} hits, ${after.misses - before.misses} misses`);
    return contenders.map((c, i): Stats & { batchMs: number[] } => {
      const t = tallies[i]!;
      const sorted = t.latencies.sort((a, b) => a - b);
      const busyUs = +((t.busyMs * 1000) / sorted.length).toFixed(1);
      return { name: c.name, mode, requests: sorted.length, rps: Math.round((sorted.length / t.ms) * 1000), p50: pct(sorted, 50), p99: pct(sorted, 99), errors: t.errors, busyUs, batchMs: t.batchMs };
    });
  } finally {
    for (const server of servers) await server.close();
    for (const c of contenders) await c.app.close?.();
  }
}

export async function runWechatBench(opts: BenchOptions) {
  const o = { requests: opts.requests ?? 5000, concurrency: opts.concurrency ?? 16, batches: opts.batches ?? 20, cacheStats: opts.cacheStats, modes: opts.modes ?? (["plain", "aes"] as Mode[]), questions: opts.questions ?? ["身份证丢了怎么补办", "营业执照需要什么材料", "进度 QH2026000123", "社保卡怎么挂失"] };
  const label = opts.handlerLabel ?? "injected handler";
  const results: (Stats & { vsCoWechat?: number; busyVsCoWechat?: number })[] = [];
  console.log(
    `wechat-endpoint: ${o.requests} signed text messages per contender, in ${o.batches} interleaved batches, ${o.concurrency} concurrent, keep-alive, load from a worker thread; handler: ${label}` +
      (opts.service ? `; full app: the service's ${opts.service.capabilities.length} capabilities and their routes` : ""),
  );
  // The load generator in a worker thread of its own (bench/index.ts bundles bench/lib beside the benchmarks).
  const client = startLoadWorker(new URL("./dist/lib/http-load.mjs", import.meta.url));
  const quartiles = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[Math.floor(s.length / 4)]!, s[Math.floor(s.length / 2)]!, s[Math.floor((3 * s.length) / 4)]!].map((x) => +x.toFixed(2));
  };
  const spread: { mode: Mode; name: string; batchRatioQuartiles: number[] }[] = [];
  for (const mode of o.modes) {
    const contenders: Contender[] = [
      { name: "co-wechat echo bot", app: coWechatApp(mode) },
      { name: `ours, full app (${label})`, app: ourApp(mode, opts.handleMessage, false, opts.service) },
      ...(opts.bare !== false ? [{ name: `ours, bare Koa (${label})`, app: ourApp(mode, opts.handleMessage, true) }] : []),
    ];
    const [base, ...ours] = await compareInterleaved(client, mode, contenders, o);
    results.push(base!);
    for (const r of ours) {
      results.push({ ...r, vsCoWechat: +(r.rps / base!.rps).toFixed(2), busyVsCoWechat: +(base!.busyUs / r.busyUs).toFixed(2) });
      // Per batch pair: the echo bot's batch time over ours (>1: ours faster in that batch).
      spread.push({ mode, name: r.name, batchRatioQuartiles: quartiles(r.batchMs.map((ms, b) => base!.batchMs[b]! / ms)) });
    }
  }
  // Fixed offered rate for both, far above a provincial account's peak message rate.
  const rate = opts.ratePerSec ?? 200;
  const fixed: { name: string; mode: Mode; rate: number; p50: number; p99: number; errors: number }[] = [];
  for (const mode of o.modes) {
    const apps: [string, App][] = [["co-wechat echo bot", coWechatApp(mode)], [`ours, full app (${label})`, ourApp(mode, opts.handleMessage, false, opts.service)]];
    for (const [name, app] of apps) {
      const server = await listen(app.handler);
      try {
        await client.closedLoop(server.url, buildRequests(300, mode, o.questions), 4); // warm-up
        const r = await client.openLoop(server.url, buildRequests(rate * 10, mode, o.questions), rate);
        const sorted = [...r.latencies].sort((a, b) => a - b);
        fixed.push({ name, mode, rate, p50: pct(sorted, 50), p99: pct(sorted, 99), errors: r.errors });
      } finally {
        await server.close();
        await app.close?.();
      }
    }
  }
  await client.stop();
  for (const r of results) {
    console.log(
      `${r.mode.padEnd(5)} ${r.name.padEnd(58)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  errors ${r.errors}` +
        (r.vsCoWechat !== undefined ? `  (${r.vsCoWechat}× co-wechat)` : ""),
    );
  }
  console.log("server thread busy per message (event-loop utilisation; lower is better):");
  for (const r of results) console.log(`  ${r.mode.padEnd(5)} ${r.name.padEnd(58)} ${r.busyUs.toFixed(1).padStart(6)} µs` + (r.busyVsCoWechat !== undefined ? `  (co-wechat's / ours: ${r.busyVsCoWechat})` : ""));
  console.log("ratio per batch (echo bot's time / ours), quartiles:");
  for (const x of spread) console.log(`  ${x.mode.padEnd(5)} ${x.name.padEnd(58)} ${x.batchRatioQuartiles.join(" / ")}`);
  console.log(`\nat a fixed ${rate} messages/s for 10 s (open loop):`);
  for (const f of fixed) console.log(`${f.mode.padEnd(5)} ${f.name.padEnd(58)} p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  errors ${f.errors}`);
  return { handler: label, concurrency: o.concurrency, batches: o.batches, results, batchRatios: spread, fixedRate: fixed };
}

/**
 * The real answering path: a full service instance (embedded PGlite in memory, the shipped
 * guides imported, the search index built) and its chat capability's handleMessage.
 */
async function realChatHandler(answerCache = 5000) {
  const { startService } = await import("../src/server");
  const { createCapabilities } = await import("../src/capabilities");
  const caps = createCapabilities();
  const chat = caps.find((c) => c.name === "chat") as unknown as ChatCapability;
  const config = loadConfig(
    { NODE_ENV: "production", ROLE: "all", PORT: "0", HOST: "127.0.0.1", DATA_DIR: "memory://", LOG_LEVEL: "silent", CHAT_ANSWER_CACHE: String(answerCache) },
    "/nonexistent",
  );
  const svc = await startService(config, { capabilities: caps, logger: createLogger({ level: "silent", format: "json" }) });
  return { handle: ((m) => chat.handle(m)) as MessageHandler, stats: () => chat.answerCacheStats(), service: { ctx: svc.ctx, capabilities: caps }, stop: () => svc.stop() };
}

/** Real citizen questions: the first turn of each conversation in the QA development set. */
function realQuestions(): string[] {
  const file = new URL("../eval/qa-dev.jsonl", import.meta.url);
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { turns: { q: string }[] }).turns[0]!.q);
}

// Run directly, from source or bundled (bench/dist/wechat-endpoint.mjs, where import.meta.url names the source).
if (process.argv[1] && path.parse(process.argv[1]).name === path.parse(fileURLToPath(import.meta.url)).name) {
  // One service at a time (a second one's heap would slow the first one's runs): first with
  // the answer cache, as a running instance answers; then without it, every question computed.
  const real = await realChatHandler();
  const cached = await runWechatBench({ handleMessage: real.handle, handlerLabel: "chat.handleMessage, shipped catalog", questions: realQuestions(), cacheStats: real.stats, service: real.service });
  const cache = real.stats();
  console.log(`answer cache: ${cache.hits} hits, ${cache.misses} misses (${((100 * cache.hits) / Math.max(1, cache.hits + cache.misses)).toFixed(1)} % hits), ${cache.size} entries\n`);
  await real.stop();
  (globalThis as { gc?: () => void }).gc?.();
  const cold = await realChatHandler(0);
  const uncached = await runWechatBench({ handleMessage: cold.handle, handlerLabel: "chat.handleMessage, no answer cache", questions: realQuestions(), bare: false, requests: 3000, service: cold.service });
  await cold.stop();
  const summary = { cached: { ...cached, answerCache: cache }, uncached };
  fs.mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  fs.writeFileSync(new URL("./results/wechat-endpoint.json", import.meta.url), JSON.stringify({ at: new Date().toISOString(), ...summary }, null, 2));
  process.exit(0);
}
