import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SERVERS_ENV, SKIP_LOG_ENV, type ServerNeed } from "./servers";

/**
 * vitest globalSetup: probes the PostgreSQL and Redis servers the server variants use
 * (TEST_PG_URL, TEST_REDIS_URL) and the binaries the fault tests start their own servers
 * with, once per run. Missing ones are handed to the test processes (servers.ts), which leave
 * those variants out; the teardown prints which were skipped and why. TEST_REQUIRE_SERVERS=1
 * (set by .ci/run) turns a missing server into a failed run instead.
 */
const PG_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const TIMEOUT_MS = 3000;

const plainUrl = (u: string) => u.replace(/\/\/[^@/]*@/, "//");

async function probePostgres(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return undefined;
  } catch (e) {
    return `no PostgreSQL server answered at ${plainUrl(PG_URL)} (${(e as Error).message || (e as NodeJS.ErrnoException).code})`;
  } finally {
    await c.end().catch(() => {});
  }
}

/** A PING over a bare socket: no client library's reconnect loop to wait out. */
function probeRedis(): Promise<string | undefined> {
  const u = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const sock = net.connect(Number(u.port || 6379), u.hostname.replace(/^\[|\]$/g, ""));
    const done = (why?: string) => (sock.destroy(), resolve(why && `no Redis server answered at ${plainUrl(REDIS_URL)} (${why})`));
    sock.setTimeout(TIMEOUT_MS, () => done("timed out"));
    sock.once("error", (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    sock.once("connect", () => sock.write(u.password ? `AUTH ${decodeURIComponent(u.password)}\r\nPING\r\n` : "PING\r\n"));
    let got = "";
    sock.on("data", (d) => {
      got += d.toString();
      if (got.includes("+PONG")) done();
      else if (got.startsWith("-")) done(got.trim());
    });
  });
}

function probeBinary(file: string, what: string): string | undefined {
  try {
    execFileSync(file, ["--version"], { stdio: "ignore", timeout: TIMEOUT_MS });
    return undefined;
  } catch {
    return `${what} not found (${file})`;
  }
}

export default async function setup(): Promise<() => void> {
  const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);
  const found: Record<ServerNeed, string | undefined> = {
    postgres,
    redis,
    "redis-server": probeBinary(process.env.REDIS_SERVER_BIN ?? "redis-server", "redis-server binary (fault tests start their own)"),
    "postgres-binaries": probeBinary(path.join(PG_BIN, "initdb"), "PostgreSQL binaries (fault tests start their own; PG_BIN)"),
  };
  const missing = Object.fromEntries(Object.entries(found).filter(([, why]) => why !== undefined));
  if (Object.keys(missing).length && process.env.TEST_REQUIRE_SERVERS === "1") {
    throw new Error(`TEST_REQUIRE_SERVERS=1 and servers are missing:\n${Object.values(missing).map((w) => `  - ${w}`).join("\n")}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-skips-"));
  const log = path.join(dir, "skipped.tsv");
  fs.writeFileSync(log, "");
  process.env[SERVERS_ENV] = JSON.stringify(missing);
  process.env[SKIP_LOG_ENV] = log;

  return () => {
    const files = new Map<string, Set<string>>();
    for (const line of fs.readFileSync(log, "utf8").split("\n").filter(Boolean)) {
      const [need, file] = line.split("\t") as [string, string];
      files.set(need, (files.get(need) ?? new Set()).add(path.relative(process.cwd(), file)));
    }
    fs.rmSync(dir, { recursive: true, force: true });
    if (!Object.keys(missing).length) {
      console.log("\nServer variants: PostgreSQL and Redis answered, the fault tests' binaries are present; none skipped.");
      return;
    }
    const out = ["", "SKIPPED SERVER VARIANTS (set TEST_REQUIRE_SERVERS=1 to make this a failure):"];
    for (const [need, why] of Object.entries(missing)) {
      const list = [...(files.get(need) ?? [])].sort();
      out.push(`  ${need}: ${why}`, `    skipped in ${list.length} file(s)${list.length ? ":" : ""}`, ...list.map((f) => `      ${f}`));
    }
    console.log(out.join("\n"));
  };
}
