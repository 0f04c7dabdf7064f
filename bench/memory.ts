/**
 * `npm run bench -- memory`: how much memory an idle instance holds (issue 16's targets: an
 * embedded instance under 300 MB resident, a web instance on PostgreSQL + Redis under 200 MB).
 *
 * Each instance is the service as `npm start` runs it — src/main.ts bundled (scripts/build.ts,
 * here into bench/dist/service/) and run by plain Node with --enable-source-maps, the shipped
 * guides, default settings — in a process of its own, with bench/dist/lib/memory-probe.mjs
 * preloaded to answer for process.memoryUsage(). It is started, waited for until /readyz says
 * 200, left idle (--idle=<seconds>, default 30), then measured: RSS and its peak from /proc
 * (bench/support/rss.ts), the mappings behind the RSS (/proc/<pid>/smaps, grouped below), V8's
 * heap and external memory; then a full GC is forced and RSS read again.
 *
 * Scenarios, one after another (--only=embedded|web to run one kind; --service=<bundle.mjs>
 * measures that bundle, e.g. one built from an older checkout, instead of building src/):
 *   embedded, first start   empty DATA_DIR: PGlite initdb, migrations, the catalog imported
 *   embedded, restart       the same DATA_DIR started again
 *   web, first start        ROLE=web on a fresh PostgreSQL database + Redis (it imports the catalog)
 *   web, restart            ROLE=web again on that database
 * The web scenarios need PostgreSQL and Redis (TEST_PG_URL, TEST_REDIS_URL; default 127.0.0.1,
 * as the tests); they are skipped with a note when either does not answer. The database is
 * dropped and the Redis keys (a prefix of the run's own) removed afterwards.
 *
 * Mappings: "node binary + libraries" are file-backed pages; "WebAssembly memories" are
 * read-write regions followed by a reservation of gigabytes (PGlite's Postgres, Prisma's query
 * compiler); "malloc main heap" is [heap]; "other anonymous" is the V8 heap, allocator arenas of
 * threads, native addons' own allocators (jieba's mimalloc), and the rest.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import { readMemory, sampleRss, type RssReading } from "./support/rss";
import type { ProbeReply } from "./lib/memory-probe";

const root = path.resolve(fileURLToPath(new URL("../", import.meta.url)));
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const IDLE_S = Number(arg("idle") ?? 30);
const ONLY = arg("only");
/** --service=<file.mjs>: measure another bundle of the service (e.g. an older build) instead of building src/. */
const SERVICE = arg("service");
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const TARGET_MB = { embedded: 300, web: 200 } as const;
const MiB = 1048576;

interface Mappings {
  fileMB: number;
  wasmMB: number;
  mallocHeapMB: number;
  otherAnonMB: number;
}

/** Groups the RSS of `pid`'s mappings (see the header); undefined off Linux. */
export function readMappings(pid: number): Mappings | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return undefined;
  }
  type Map = { start: bigint; end: bigint; perms: string; name: string; rssKb: number };
  const maps: Map[] = [];
  for (const line of text.split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) maps.push({ start: BigInt(`0x${head[1]}`), end: BigInt(`0x${head[2]}`), perms: head[3]!, name: head[4]!.trim(), rssKb: 0 });
    else if (line.startsWith("Rss:") && maps.length) maps[maps.length - 1]!.rssKb = Number(line.split(/\s+/)[1]);
  }
  const out = { fileMB: 0, wasmMB: 0, mallocHeapMB: 0, otherAnonMB: 0 };
  const GB4 = 4n << 30n;
  maps.forEach((m, i) => {
    const mb = m.rssKb / 1024;
    if (m.name === "[heap]") out.mallocHeapMB += mb;
    else if (m.name.startsWith("/")) out.fileMB += mb;
    else if (m.perms.startsWith("rw") && maps[i + 1]?.start === m.end && maps[i + 1]!.perms.startsWith("---") && maps[i + 1]!.end - maps[i + 1]!.start >= GB4) out.wasmMB += mb;
    else out.otherAnonMB += mb;
  });
  for (const k of Object.keys(out) as (keyof Mappings)[]) out[k] = Math.round(out[k]);
  return out;
}

interface Measurement {
  scenario: string;
  kind: "embedded" | "web";
  readyS: number;
  idle: RssReading;
  /** RSS growth over the idle period's second half (MiB). */
  idleGrowthMB: number;
  mappings?: Mappings;
  memory: ProbeReply;
  afterGc?: RssReading;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s`);
}

function ask(child: ChildProcess): Promise<ProbeReply> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("memory probe did not answer")), 30_000);
    child.once("message", (m) => (clearTimeout(t), resolve(m as ProbeReply)));
    child.send("memory");
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(kill);
}

async function measure(scenario: string, kind: Measurement["kind"], service: string, probe: string, env: Record<string, string>, logFile: string): Promise<Measurement> {
  const port = await freePort();
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["--enable-source-maps", "--expose-gc", "--import", probe, service], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", log, log, "ipc"],
  });
  try {
    const t0 = Date.now();
    await waitReady(`http://127.0.0.1:${port}`, child);
    const readyS = (Date.now() - t0) / 1000;
    const sampler = sampleRss(child.pid!, 1000);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const summary = sampler.stop();
    const idle = readMemory(child.pid!)!;
    const mappings = readMappings(child.pid!);
    const memory = await ask(child);
    const afterGc = readMemory(child.pid!);
    return { scenario, kind, readyS, idle, idleGrowthMB: summary?.growthLastHalfMB ?? 0, mappings, memory, afterGc };
  } catch (e) {
    throw new Error(`${scenario}: ${(e as Error).message} (log: ${logFile})`);
  } finally {
    await stop(child);
    fs.closeSync(log);
  }
}

async function serversAnswer(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (e) {
    return `PostgreSQL at ${PG_ADMIN_URL} does not answer (${(e as Error).message})`;
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    return `Redis at ${REDIS_URL} does not answer (${(e as Error).message})`;
  } finally {
    redis.disconnect();
  }
  return undefined;
}

const r0 = (x: number | undefined) => (x === undefined ? "–" : x.toFixed(0));
const m0 = (bytes: number | undefined) => (bytes === undefined ? "–" : (bytes / MiB).toFixed(0));

export async function run(): Promise<{ results: Measurement[]; notes: string[] }> {
  // The service bundled as `npm run build` does, into a file of its own (a dist/main.mjs someone
  // is running stays as it is), through tsx: scripts/build.ts rewrites import.meta in the code
  // it bundles, so it cannot be bundled into this file itself.
  let service = path.join(root, "bench", "dist", "service", "main.mjs");
  const build = (entry: string, out: string) => {
    const code = `const { bundle } = await import(${JSON.stringify(pathToFileURL(path.join(root, "scripts", "build.ts")).href)}); await bundle(${JSON.stringify(entry)}, ${JSON.stringify(out)});`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`bundling ${entry} failed (exit ${r.status})`);
  };
  if (SERVICE) service = path.resolve(SERVICE);
  else build(path.join(root, "src", "main.ts"), service);
  const probe = path.join(root, "bench", "dist", "lib", "memory-probe.mjs");
  if (!fs.existsSync(probe)) build(path.join(root, "bench", "lib", "memory-probe.ts"), probe);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zw-memory-"));
  const results: Measurement[] = [];
  const notes: string[] = [];
  try {
    if (!ONLY || ONLY === "embedded") {
      const env = { DATA_DIR: path.join(tmp, "embedded") };
      for (const scenario of ["embedded, first start", "embedded, restart"]) {
        results.push(await measure(scenario, "embedded", service, probe, env, path.join(tmp, "embedded.log")));
        console.log(`memory: ${scenario}: ${results.at(-1)!.idle.rssMB} MB`);
      }
    }
    if (!ONLY || ONLY === "web") {
      const down = await serversAnswer();
      if (down) notes.push(`web scenarios skipped: ${down}`);
      else {
        const runId = crypto.randomBytes(4).toString("hex");
        const dbName = `zw_memory_${runId}`;
        const prefix = `zwmemory${runId}`;
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${dbName}`);
        const dbUrl = new URL(PG_ADMIN_URL);
        dbUrl.pathname = `/${dbName}`;
        const env = {
          ROLE: "web",
          DATABASE_URL: dbUrl.toString(),
          REDIS_URL,
          REDIS_PREFIX: prefix,
          DATA_DIR: path.join(tmp, "web"),
          DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
        };
        try {
          for (const scenario of ["web, first start", "web, restart"]) {
            results.push(await measure(scenario, "web", service, probe, env, path.join(tmp, "web.log")));
            console.log(`memory: ${scenario}: ${results.at(-1)!.idle.rssMB} MB`);
          }
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
          await admin.end();
          const redis = new Redis(REDIS_URL);
          let cursor = "0";
          do {
            const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
            if (keys.length) await redis.del(...keys);
            cursor = next;
          } while (cursor !== "0");
          redis.disconnect();
        }
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`\nIdle instances as \`npm start\` runs them, ${IDLE_S} s after /readyz (MiB; RSS from /proc, the rest from process.memoryUsage()):`);
  const head = ["scenario", "ready s", "RSS", "peak", "growth", "file", "wasm", "[heap]", "anon", "heap used", "heap total", "external", "buffers", "RSS after GC", "heap after GC", "target"];
  const rows = results.map((r) => [
    r.scenario,
    r.readyS.toFixed(1),
    r0(r.idle.rssMB),
    r0(r.idle.peakMB),
    r.idleGrowthMB.toFixed(1),
    r0(r.mappings?.fileMB),
    r0(r.mappings?.wasmMB),
    r0(r.mappings?.mallocHeapMB),
    r0(r.mappings?.otherAnonMB),
    m0(r.memory.before.heapUsed),
    m0(r.memory.before.heapTotal),
    m0(r.memory.before.external),
    m0(r.memory.before.arrayBuffers),
    r0(r.afterGc?.rssMB),
    m0(r.memory.afterGc.heapUsed),
    `${r.idle.rssMB < TARGET_MB[r.kind] ? "<" : "NOT <"} ${TARGET_MB[r.kind]}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [head, ...rows]) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  console.log("(file: node binary + libraries; wasm: WebAssembly memories resident; [heap]: malloc's main heap; anon: V8 heap, thread arenas, addons' allocators)");
  for (const n of notes) console.log(`note: ${n}`);
  return { results, notes };
}

// Run directly, from source or bundled (bench/dist/memory.mjs, where import.meta.url names the source).
if (process.argv[1] && path.parse(process.argv[1]).name === path.parse(fileURLToPath(import.meta.url)).name) {
  const summary = await run();
  fs.mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  fs.writeFileSync(new URL("./results/memory.json", import.meta.url), JSON.stringify({ at: new Date().toISOString(), idleSeconds: IDLE_S, ...summary }, null, 2));
}
