import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { bundle } from "../../scripts/build";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * The service as `npm start` runs it — the esbuild bundle of src/main.ts, under plain Node — in
 * a child process of the test, so that a test can SIGKILL it, restart it on the same data, or
 * run two side by side. `buildServiceBundle()` once per test file (a few seconds), then
 * `spawnService()` per instance.
 */
export interface ServiceBundle {
  entry: string;
  remove(): void;
}

export async function buildServiceBundle(): Promise<ServiceBundle> {
  const dir = path.join(root, "dist", `child-${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
  const entry = path.join(dir, "main.mjs");
  await bundle(path.join(root, "src/main.ts"), entry);
  return { entry, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildService {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Parsed JSON log lines from stdout. */
  logs(): Record<string, unknown>[];
  /** Resolves when the process has exited (at once if it has). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown of any kind, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown; SIGKILL if it takes longer than `ms`. */
  stop(ms?: number): Promise<void>;
}

export interface SpawnOptions {
  entry: string;
  /** Where it runs (the checkout's root unless told: the image-layout test runs it elsewhere). */
  cwd?: string;
  /** Added to a minimal environment (PATH, HOME): PORT 0, HOST 127.0.0.1, JSON logs at info. */
  env: Record<string, string>;
  /** How long to wait for the "listening" line. */
  startTimeoutMs?: number;
}

export async function spawnService(o: SpawnOptions): Promise<ChildService> {
  const child = spawn(process.execPath, ["--enable-source-maps", "--expose-gc", o.entry], {
    cwd: o.cwd ?? root,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let stdout = "";
  child.stdout!.on("data", (c: Buffer) => {
    stdout += c.toString();
    out += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  const tail = () => out.slice(-4000);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`service did not start within ${o.startTimeoutMs ?? 60_000} ms:\n${tail()}`));
    }, o.startTimeoutMs ?? 60_000);
    const onData = () => {
      const m = /"url":"([^"]+)"[^\n]*"msg":"listening"/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`service exited (${e.code ?? e.signal}) before listening:\n${tail()}`));
    });
  });
  const signal = async (sig: NodeJS.Signals, ms: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    const t = setTimeout(() => child.kill("SIGKILL"), ms);
    await exited;
    clearTimeout(t);
  };
  return {
    url,
    child,
    output: () => out,
    logs: () =>
      stdout
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    exited,
    kill: () => signal("SIGKILL", 5_000),
    stop: (ms = 20_000) => signal("SIGTERM", ms),
  };
}

/** POST JSON (or form fields) with a deadline; the status, or 0 when there was no answer. */
export async function postWithin(url: string, init: { headers?: Record<string, string>; body: string }, ms = 10_000): Promise<{ status: number; json: unknown }> {
  try {
    const res = await fetch(url, { method: "POST", headers: init.headers, body: init.body, signal: AbortSignal.timeout(ms) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json };
  } catch {
    return { status: 0, json: null };
  }
}
