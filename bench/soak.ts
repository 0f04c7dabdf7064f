/**
 * `npm run soak`: a few minutes of mixed load on two instances of the service as `npm start`
 * runs it (the bundle of src/main.ts under plain Node, each a child process, ROLE=all), on the
 * PostgreSQL server and Redis — a fresh database created for the run and dropped after, a Redis
 * key prefix of its own whose keys are removed after. Loopback only; it stops by itself.
 *
 * Load (open loop at SOAK_RATE requests/s, alternating the instances, at most SOAK_IN_FLIGHT
 * outstanding): questions on POST /api/v1/ask and as signed, encrypted WeChat messages on
 * POST /wechat, searches, guide pages and item details, Open311 POSTs (forms) and GETs, and
 * mini-program complaints — from a few hundred simulated citizens, each with their own
 * address (X-Forwarded-For through TRUST_PROXY=loopback, as behind a reverse proxy), openid and
 * session, so no citizen comes near a rate limit.
 *
 * Prints requests, errors, p50/p99 per route, and each instance's resident memory sampled
 * over the run: at the start of the load, a third, two thirds and the end, and whether the
 * growth levels off (the growth in the last third against the first third). Exits 1 on any
 * error (a non-2xx answer, a timeout, an instance that exits, an error line in a log).
 *
 *   npm run soak                                   3 minutes
 *   SOAK_SECONDS=60 SOAK_RATE=20 npm run soak      shorter, lighter
 *   TEST_PG_URL / TEST_REDIS_URL                    other servers (default: 127.0.0.1)
 *
 * Run as a benchmark (bench/index.ts bundles it), but only when named: `npm run bench` alone
 * skips it, to stay short.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import { startFakeWechat, type FakeWechat } from "../test/support/fake-wechat";
import { fixture, signedRequest, wechatEnv } from "../test/wechat/helpers";
import { mb, startRssSampler, type RssSample } from "./support/rss";

const root = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const RATE = Number(process.env.SOAK_RATE ?? 30);
const IN_FLIGHT = Number(process.env.SOAK_IN_FLIGHT ?? 32);
const TIMEOUT_MS = 10_000;
const SAMPLE_MS = 2_000;
const CITIZENS = 400;
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const ADMIN_TOKEN = crypto.randomBytes(16).toString("hex");
const run = crypto.randomBytes(4).toString("hex");
const DB_NAME = `zw_soak_${run}`;
const REDIS_PREFIX = `zwsoak${run}`;

// ---------------------------------------------------------------------------------------------
// Instances

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  dataDir: string;
  logErrors: string[];
  logWarnings: string[];
  exited?: string;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

function startInstance(name: string, bundleFile: string, env: Record<string, string>): Promise<Instance> {
  return freePort().then((port) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zw-soak-${name}-`));
    const child = spawn(process.execPath, ["--enable-source-maps", "--expose-gc", bundleFile], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port), DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const inst: Instance = { name, url: `http://127.0.0.1:${port}`, child, dataDir, logErrors: [], logWarnings: [] };
    let pending = "";
    const onLine = (line: string) => {
      if (!line.trim()) return;
      let level = 30;
      try {
        level = Number((JSON.parse(line) as { level?: number }).level ?? 30);
      } catch {
        level = 50; // not JSON: a crash trace or a stray write
      }
      if (level >= 50) inst.logErrors.push(line);
      else if (level >= 40) inst.logWarnings.push(line);
    };
    const feed = (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(onLine);
    };
    child.stdout!.on("data", feed);
    child.stderr!.on("data", feed);
    child.on("exit", (code, signal) => (inst.exited = `exited (code ${code}, signal ${signal})`));
    return inst;
  });
}

async function waitReady(inst: Instance, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (inst.exited) throw new Error(`${inst.name} ${inst.exited} before it was ready:\n${inst.logErrors.slice(-5).join("\n")}`);
    try {
      const r = await fetch(`${inst.url}/readyz`);
      if (r.status === 200) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${inst.name} not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stopInstance(inst: Instance): Promise<void> {
  if (inst.exited) return fs.rmSync(inst.dataDir, { recursive: true, force: true });
  const gone = new Promise<void>((r) => inst.child.once("exit", () => r()));
  inst.child.kill("SIGTERM");
  const killer = setTimeout(() => inst.child.kill("SIGKILL"), 30_000);
  await gone;
  clearTimeout(killer);
  fs.rmSync(inst.dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Load

interface Stat {
  latencies: number[];
  errors: number;
  firstError?: string;
}

interface Citizen {
  ip: string;
  openid: string;
  sessionId: string;
  mpToken?: string;
}

const QUESTIONS = fs
  .readFileSync(path.join(root, "eval/qa-dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .flatMap((l) => (JSON.parse(l) as { turns: { q: string }[] }).turns.map((t) => t.q));
const SEARCHES = ["驾照", "身份证", "个体户", "营业执照", "社保", "公积金", "护照", "结婚登记", "出生证明", "医保", "退休", "ཐོབ་ཐང"];
const COMPLAINTS = ["小区门口的路灯坏了一个月了，晚上很黑", "楼下餐馆油烟太大，窗户都不敢开", "公交站的站牌被撞歪了，很危险", "单位拖欠工资三个月了，请帮忙处理", "路面有个大坑，电动车差点摔倒"];
const ADDRESSES = ["西宁市城西区五四西路", "西宁市城东区八一路", "海东市乐都区碾伯镇", "西宁市城北区柴达木路"];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

interface Shot {
  route: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  ok: (status: number, text: string) => boolean;
}

const agents = new Map<string, http.Agent>();

function shoot(base: string, s: Shot): Promise<{ status: number; text: string; ms: number }> {
  let agent = agents.get(base);
  if (!agent) agents.set(base, (agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT })));
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({ host: u.hostname, port: u.port, method: s.method, path: s.path, agent, headers: { ...s.headers, ...(s.body ? { "content-length": String(Buffer.byteLength(s.body)) } : {}) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - t0 }));
      res.on("error", reject);
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(s.body);
  });
}

const json = (o: unknown) => JSON.stringify(o);
const is2xx = (status: number) => status >= 200 && status < 300;

/** The mix: route → weight and the request it makes for a citizen. */
function mix(itemCodes: string[], open311Key: string, tickets: string[]): [number, (c: Citizen) => Shot | Promise<Shot>][] {
  const xff = (c: Citizen) => ({ "x-forwarded-for": c.ip });
  return [
    [24, (c) => ({ route: "POST /api/v1/ask", method: "POST", path: "/api/v1/ask", headers: { ...xff(c), "content-type": "application/json" }, body: json({ question: pick(QUESTIONS), sessionId: c.sessionId }), ok: (s, t) => s === 200 && t.includes('"text"') })],
    [
      20,
      (c) => {
        const { query, body } = signedRequest(fixture("text", { from: c.openid, content: pick(QUESTIONS) }), { mode: "aes" });
        return { route: "POST /wechat", method: "POST", path: `/wechat?${query}`, headers: { ...xff(c), "content-type": "text/xml" }, body, ok: (s, t) => s === 200 && (t === "success" || t.includes("<xml>")) };
      },
    ],
    [16, (c) => ({ route: "GET /api/v1/search", method: "GET", path: `/api/v1/search?q=${encodeURIComponent(pick([...SEARCHES, ...QUESTIONS]))}`, headers: xff(c), ok: (s) => s === 200 })],
    [10, (c) => ({ route: "GET /guides/:code", method: "GET", path: `/guides/${pick(itemCodes)}${Math.random() < 0.2 ? "?lang=bo" : ""}`, headers: xff(c), ok: (s, t) => s === 200 && t.includes("<html") })],
    [5, (c) => ({ route: "GET /api/v1/items/:code", method: "GET", path: `/api/v1/items/${pick(itemCodes)}`, headers: xff(c), ok: (s) => s === 200 })],
    [
      5,
      (c) => ({
        route: "POST /open311/v2/requests.json",
        method: "POST",
        path: "/open311/v2/requests.json",
        headers: { ...xff(c), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ api_key: open311Key, service_code: `QH-00${1 + Math.floor(Math.random() * 7)}`, description: pick(COMPLAINTS), address_string: pick(ADDRESSES), lat: "36.62", long: "101.78" }).toString(),
        ok: (s) => s === 201,
      }),
    ],
    [3, (c) => ({ route: "GET /open311/v2/requests.json", method: "GET", path: "/open311/v2/requests.json?status=open", headers: xff(c), ok: (s) => s === 200 })],
    [3, (c) => ({ route: "GET /open311/v2/requests/:id.xml", method: "GET", path: `/open311/v2/requests/${tickets.length ? pick(tickets) : "QH00000000000000"}.xml`, headers: xff(c), ok: (s) => s === 200 || (!tickets.length && s === 404) })],
    [
      4,
      async (c) => ({
        route: "POST /api/v1/mp/complaints",
        method: "POST",
        path: "/api/v1/mp/complaints",
        headers: { ...xff(c), "content-type": "application/json", authorization: `Bearer ${c.mpToken}`, "idempotency-key": crypto.randomUUID() },
        body: json({ text: pick(COMPLAINTS), address: pick(ADDRESSES), kind: "complaint" }),
        ok: (s) => s === 201,
      }),
    ],
    [3, (c) => ({ route: "GET /api/v1/complaints/public", method: "GET", path: "/api/v1/complaints/public?limit=20", headers: xff(c), ok: (s) => s === 200 })],
    [2, (c) => ({ route: "GET /api/v1/items", method: "GET", path: `/api/v1/items?page=${1 + Math.floor(Math.random() * 5)}&pageSize=20`, headers: xff(c), ok: (s) => s === 200 })],
  ];
}

// ---------------------------------------------------------------------------------------------

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Mean RSS of one instance over the samples within ±5 % of the run around `at`. */
function rssAround(samples: RssSample[], i: number, at: number, span: number): number | undefined {
  const near = samples.filter((s) => Math.abs(s.at - at) <= span * 0.05 && s.rss[i] !== undefined).map((s) => s.rss[i]!);
  return near.length ? near.reduce((a, b) => a + b, 0) / near.length : undefined;
}

async function metricsOf(inst: Instance): Promise<{ heapUsed?: number; external?: number }> {
  try {
    const text = await (await fetch(`${inst.url}/metrics`)).text();
    const val = (name: string) => {
      const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
      return m ? Number(m[1]) : undefined;
    };
    return { heapUsed: val("nodejs_heap_size_used_bytes"), external: val("nodejs_external_memory_bytes") };
  } catch {
    return {};
  }
}

async function main(): Promise<number> {
  const named = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  if (named.length === 0 && process.argv[1]?.includes(`${path.sep}dist${path.sep}`)) {
    console.log("soak: skipped in `npm run bench` (takes minutes); run it with `npm run soak`");
    return 0;
  }
  // The service bundled as `npm run build` does (scripts/build.ts), into a file of its own so
  // that a dist/main.mjs someone else is running stays as it is. Through tsx: this file runs
  // bundled itself, and the build script cannot be bundled (it rewrites import.meta in code).
  const bundleFile = path.join(root, "bench", "dist", "soak", "main.mjs");
  const build = `const { bundle } = await import(${JSON.stringify(pathToFileURL(path.join(root, "scripts", "build.ts")).href)}); await bundle(${JSON.stringify(path.join(root, "src", "main.ts"))}, ${JSON.stringify(bundleFile)});`;
  const built = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", build], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error(`building the service failed (exit ${built.status})`);

  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const f of cleanups.splice(0).reverse()) await f().catch((e: unknown) => console.error(`soak: cleanup: ${(e as Error).message}`));
  };
  let interrupted = false;
  let loadStarted = false;
  // Ctrl-C: during the load, stop it and report; before, clean up and go.
  const onSignal = () => {
    interrupted = true;
    if (!loadStarted) void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    // A database of its own on the PostgreSQL server, dropped after.
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await c.end();
    });
    const dbUrl = new URL(PG_ADMIN_URL);
    dbUrl.pathname = `/${DB_NAME}`;
    // Redis keys under a prefix of its own, removed after.
    cleanups.push(async () => {
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
      await redis.connect();
      let n = 0;
      try {
        for await (const keys of redis.scanStream({ match: `${REDIS_PREFIX}*`, count: 1000 }) as AsyncIterable<string[]>) {
          if (keys.length) n += await redis.unlink(...keys);
        }
      } finally {
        redis.disconnect();
      }
      return n;
    });

    const fake: FakeWechat = await startFakeWechat({ autoLogin: true });
    cleanups.push(() => fake.close());

    const env: Record<string, string> = {
      NODE_ENV: "production",
      ROLE: "all",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      LOG_FORMAT: "json",
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL,
      REDIS_PREFIX,
      DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      GUIDES_DIR: path.join(root, "guides"),
      PUBLIC_BASE_URL: "http://127.0.0.1",
      ADMIN_TOKEN,
      TRUST_PROXY: "loopback",
      ...wechatEnv("aes", fake.url),
      WECHAT_TEMPLATE_COMPLAINT: "tmpl-complaint",
      WECHAT_TEMPLATE_APPLICATION: "tmpl-application",
      MP_APPID: "wxmp-soak",
      MP_APPSECRET: "mp-secret",
      MP_API_BASE: fake.url,
      MP_SUBSCRIBE_TEMPLATE_COMPLAINT: "tpl-mp-complaint",
      MP_SUBSCRIBE_TEMPLATE_APPLICATION: "tpl-mp-application",
    };
    const t0 = Date.now();
    // Two instances cold-starting together on the empty database, as a deployment does.
    const instances = await Promise.all(["A", "B"].map((n) => startInstance(n, bundleFile, env)));
    cleanups.push(() => Promise.all(instances.map(stopInstance)));
    await Promise.all(instances.map((i) => waitReady(i, 300_000)));
    const startSeconds = ((Date.now() - t0) / 1000).toFixed(1);

    // Set-up through the API: an Open311 key, the catalog's codes, a first ticket.
    const adminCall = async (method: string, p: string, body?: unknown) => {
      const r = await fetch(`${instances[0]!.url}${p}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : json(body) });
      if (!is2xx(r.status)) throw new Error(`set-up ${method} ${p}: ${r.status} ${await r.text()}`);
      return (await r.json()) as any;
    };
    const open311Key = (await adminCall("POST", "/api/v1/admin/open311/keys", { name: "soak" })).key as string;
    const itemCodes: string[] = [];
    for (let page = 1; page <= 3; page++) itemCodes.push(...((await adminCall("GET", `/api/v1/items?page=${page}&pageSize=50`)).items as { code: string }[]).map((i) => i.code));
    const tickets: string[] = [];
    const citizens: Citizen[] = Array.from({ length: CITIZENS }, (_, i) => ({ ip: `10.${(i >> 8) & 255}.${i & 255}.${1 + (i % 200)}`, openid: `o_soak_${run}_${i}`, sessionId: `soak-${run}-${i}` }));
    const mpLogin = async (c: Citizen, base: string) => {
      const r = await shoot(base, { route: "login", method: "POST", path: "/api/v1/mp/login", headers: { "x-forwarded-for": c.ip, "content-type": "application/json" }, body: json({ code: `${c.sessionId}-${crypto.randomBytes(3).toString("hex")}` }), ok: () => true });
      if (r.status !== 200) throw new Error(`mini-program login: ${r.status} ${r.text.slice(0, 200)}`);
      c.mpToken = (JSON.parse(r.text) as { token: string }).token;
    };

    // RSS before the load begins, then every SAMPLE_MS.
    const memStart = await Promise.all(instances.map(metricsOf));
    const sampler = startRssSampler(instances.map((i) => i.child.pid!), SAMPLE_MS);
    const routes = mix(itemCodes, open311Key, tickets);
    const totalWeight = routes.reduce((a, [w]) => a + w, 0);
    const stats = new Map<string, Stat>();
    const stat = (route: string) => stats.get(route) ?? (stats.set(route, { latencies: [], errors: 0 }), stats.get(route)!);
    const fail = (route: string, why: string) => {
      const s = stat(route);
      s.errors++;
      s.firstError ??= why;
    };

    loadStarted = true;
    const loadStart = performance.now();
    const endAt = loadStart + SECONDS * 1000;
    let inFlight = 0;
    let n = 0;
    let skipped = 0;
    const pending = new Set<Promise<void>>();
    const progressEvery = Math.max(10, Math.round(SECONDS / 6)) * 1000;
    let nextProgress = loadStart + progressEvery;
    while (performance.now() < endAt && !interrupted && !instances.some((i) => i.exited)) {
      const due = loadStart + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      n++;
      if (inFlight >= IN_FLIGHT) {
        skipped++; // the instances are behind: not sent, counted (open loop, bounded)
        continue;
      }
      const inst = instances[n % instances.length]!;
      const citizen = pick(citizens);
      let r = Math.random() * totalWeight;
      const make = routes.find(([w]) => (r -= w) < 0)![1];
      inFlight++;
      const p = (async () => {
        let shot: Shot | undefined;
        try {
          shot = await make(citizen);
          if (shot.route === "POST /api/v1/mp/complaints" && !citizen.mpToken) {
            await mpLogin(citizen, inst.url);
            shot = await make(citizen);
          }
          const res = await shoot(inst.url, shot);
          if (shot.ok(res.status, res.text)) {
            stat(shot.route).latencies.push(res.ms);
            if (shot.route === "POST /open311/v2/requests.json" && tickets.length < 200) tickets.push((JSON.parse(res.text) as { service_request_id: string }[])[0]!.service_request_id);
          } else fail(shot.route, `${inst.name}: ${res.status} ${res.text.slice(0, 300)}`);
        } catch (e) {
          fail(shot?.route ?? "(making the request)", `${inst.name}: ${(e as Error).message}`);
        } finally {
          inFlight--;
        }
      })();
      pending.add(p);
      void p.finally(() => pending.delete(p));
      if (performance.now() >= nextProgress) {
        nextProgress += progressEvery;
        const last = sampler.samples.at(-1)!;
        const errs = [...stats.values()].reduce((a, s) => a + s.errors, 0);
        console.log(`soak: ${((performance.now() - loadStart) / 1000).toFixed(0)} s, ${n - skipped} requests, ${errs} errors, RSS ${last.rss.map(mb).join(" / ")} MB`);
      }
    }
    await Promise.all(pending);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const samples = sampler.stop();
    const memEnd = await Promise.all(instances.map(metricsOf));

    // ---- report
    const lines: string[] = [];
    const out = (s = "") => (lines.push(s), console.log(s));
    out();
    out(`soak: ${loadSeconds.toFixed(0)} s of mixed load at ${RATE} req/s on 2 instances as \`npm start\` runs them (node dist bundle, ROLE=all),`);
    out(`      PostgreSQL database ${DB_NAME} + Redis prefix ${REDIS_PREFIX}; both ready ${startSeconds} s after a cold start together`);
    out();
    out(`${"route".padEnd(36)}${"requests".padStart(9)}${"errors".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"max ms".padStart(9)}`);
    let total = 0;
    let errors = 0;
    for (const [route, s] of [...stats].sort((a, b) => b[1].latencies.length - a[1].latencies.length)) {
      const count = s.latencies.length + s.errors;
      total += count;
      errors += s.errors;
      out(`${route.padEnd(36)}${String(count).padStart(9)}${String(s.errors).padStart(8)}${pct(s.latencies, 50).toFixed(1).padStart(9)}${pct(s.latencies, 99).toFixed(1).padStart(9)}${Math.max(0, ...s.latencies).toFixed(0).padStart(9)}`);
    }
    out(`${"total".padEnd(36)}${String(total).padStart(9)}${String(errors).padStart(8)}   (${(total / loadSeconds).toFixed(1)} req/s${skipped ? `; ${skipped} not sent: ${IN_FLIGHT} already in flight` : ""})`);
    out();
    const span = samples.at(-1)!.at - samples[0]!.at;
    out(`RSS per instance, MB (sampled every ${SAMPLE_MS / 1000} s; each point the mean of the samples within ±5 % of the run):`);
    out(`${"".padEnd(14)}${"start".padStart(7)}${"1/3".padStart(7)}${"middle".padStart(8)}${"2/3".padStart(7)}${"end".padStart(7)}${"peak".padStart(7)}   growth: first third → last third`);
    const memory: Record<string, unknown>[] = [];
    let notLevelling = 0;
    instances.forEach((inst, i) => {
      const at = (f: number) => rssAround(samples, i, samples[0]!.at + f * span, span);
      const [s0, s1, sm, s2, s3] = [at(0), at(1 / 3), at(1 / 2), at(2 / 3), at(1)];
      const peak = Math.max(...samples.map((s) => s.rss[i] ?? 0));
      const first = (s1 ?? 0) - (s0 ?? 0);
      const last = (s3 ?? 0) - (s2 ?? 0);
      // Levels off: the last third grows by at most half what the first did, or by under 8 MB (noise).
      const levels = last <= Math.max(first / 2, 8 * 1048576);
      if (!levels) notLevelling++;
      const sign = (b: number) => `${b >= 0 ? "+" : "−"}${mb(Math.abs(b))}`;
      out(`${`${inst.name} (pid ${inst.child.pid})`.padEnd(14)}${mb(s0).padStart(7)}${mb(s1).padStart(7)}${mb(sm).padStart(8)}${mb(s2).padStart(7)}${mb(s3).padStart(7)}${mb(peak).padStart(7)}   ${sign(first)} → ${sign(last)} MB: ${levels ? "levels off" : "STILL GROWING"}`);
      memory.push({ instance: inst.name, start: s0, third: s1, middle: sm, twoThirds: s2, end: s3, peak, levelsOff: levels, heapUsedStart: memStart[i]?.heapUsed, heapUsedEnd: memEnd[i]?.heapUsed, externalEnd: memEnd[i]?.external });
    });
    out(`V8 heap used, MB (start → end): ${instances.map((inst, i) => `${inst.name} ${mb(memStart[i]?.heapUsed)} → ${mb(memEnd[i]?.heapUsed)} (external ${mb(memEnd[i]?.external)})`).join(", ")}`);
    out();
    for (const [route, s] of stats) if (s.firstError) out(`first error on ${route}: ${s.firstError}`);
    let logErrors = 0;
    for (const inst of instances) {
      if (inst.exited) out(`instance ${inst.name} ${inst.exited} during the run`);
      logErrors += inst.logErrors.length;
      if (inst.logErrors.length) out(`instance ${inst.name}: ${inst.logErrors.length} error lines in its log, first: ${inst.logErrors[0]!.slice(0, 400)}`);
      if (inst.logWarnings.length) out(`instance ${inst.name}: ${inst.logWarnings.length} warnings in its log, first: ${inst.logWarnings[0]!.slice(0, 300)}`);
    }
    const crashed = instances.filter((i) => i.exited).length;
    const ok = errors === 0 && logErrors === 0 && crashed === 0 && !interrupted;
    out(`soak: ${ok ? "OK" : "FAILED"} — ${errors} request errors, ${logErrors} log errors, ${crashed} instances exited${interrupted ? ", interrupted" : ""}; memory ${notLevelling ? `still growing on ${notLevelling} instance(s)` : "levels off"}`);

    fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "bench", "results", "soak.json"),
      json({
        at: new Date().toISOString(),
        seconds: loadSeconds,
        rate: RATE,
        total,
        errors,
        logErrors,
        skipped,
        routes: Object.fromEntries([...stats].map(([r, s]) => [r, { n: s.latencies.length + s.errors, errors: s.errors, p50: pct(s.latencies, 50), p99: pct(s.latencies, 99) }])),
        memory,
        samples,
        report: lines,
      }),
    );
    return ok ? 0 : 1;
  } finally {
    await cleanup();
    for (const a of agents.values()) a.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`soak failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
