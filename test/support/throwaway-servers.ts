import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * Throwaway Redis and PostgreSQL servers for fault tests (tests/integration/*-restart):
 * each test starts its own on a free port, stops and restarts it at will, and removes it
 * afterwards — the shared servers on 6379/5432 are never touched.
 */

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((r) => {
      const sock = net.connect(port, "127.0.0.1");
      sock.once("connect", () => (sock.destroy(), r(true)));
      sock.once("error", () => r(false));
    });
    if (open === up) return;
    if (Date.now() > until) throw new Error(`port ${port} still ${up ? "closed" : "open"} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once("exit", () => r())));

export interface ThrowawayRedis {
  port: number;
  url: string;
  /** Kills the server (SIGKILL: nothing persisted, as with --save "" a restart loses every key). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it for good. */
  close(): Promise<void>;
}

/** The redis-server the fault tests start (REDIS_SERVER_BIN overrides the one on PATH). */
export const redisServerBin = process.env.REDIS_SERVER_BIN ?? "redis-server";

/** `redis-server --port <free> --save "" --appendonly no`, a child of this process. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-redis-"));
  let proc: ChildProcess | undefined;
  const start = async () => {
    if (proc) return;
    proc = spawn(redisServerBin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--loglevel", "warning"], {
      stdio: "ignore",
    });
    await waitForPort(port, true, 10_000);
  };
  const stop = async () => {
    const p = proc;
    if (!p) return;
    proc = undefined;
    p.kill("SIGKILL");
    await exited(p);
    await waitForPort(port, false, 5_000);
  };
  // A test process that ends without close() (a hook timed out) takes its server with it.
  const onExit = () => {
    proc?.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    async close() {
      process.off("exit", onExit);
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ThrowawayPostgres {
  port: number;
  /** postgresql:// URL of its `postgres` database (trust auth, user postgres). */
  url: string;
  /** `pg_ctl stop` — "fast" (sessions get 57P01 admin shutdown) or "immediate" (like a crash). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  close(): Promise<void>;
}

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * A PostgreSQL 15 cluster in a temporary directory (initdb, then pg_ctl), run as the
 * `postgres` OS user when this process is root (PostgreSQL refuses to run as root).
 * About 2–4 s to create on a busy machine.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "zw-pg-"));
  const data = path.join(base, "data");
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()) } : {};
  if (asRoot) fs.chownSync(base, ids.uid!, ids.gid!);
  const run = (cmd: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(path.join(PG_BIN, cmd), args, { ...ids, cwd: base, stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      p.stderr!.on("data", (d: Buffer) => (err += d.toString()));
      p.on("error", reject);
      p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(-2000)}`))));
    });
  await run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const opts = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c shared_buffers=16MB`;
  let running = false;
  const start = async () => {
    if (running) return;
    await run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(base, "log"), "-w", "-t", "30", "start"]);
    running = true;
  };
  const stop = async (mode: "fast" | "immediate" = "fast") => {
    if (!running) return;
    await run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "30", "stop"]);
    running = false;
  };
  // pg_ctl daemonizes the server: a test process that ends without close() stops it here.
  const onExit = () => {
    if (running) spawnSync(path.join(PG_BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { ...ids, stdio: "ignore" });
    fs.rmSync(base, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  await start();
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async close() {
      process.off("exit", onExit);
      await stop("immediate").catch(() => {});
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
