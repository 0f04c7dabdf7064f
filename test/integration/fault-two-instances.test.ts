import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { buildServiceBundle, spawnService, type ChildService, type ServiceBundle } from "../support/child-service";
import { createPgDatabase } from "../support/db";
import { testRedisUrl } from "../support/store";
import { createOpen311Key, intakeStream, waitFor } from "../support/intake-stream";

const ADMIN_TOKEN = "race-admin-token";
const TARGET = Number(process.env.FAULT_RACE_REQUESTS ?? 120);

/**
 * Issue 16, fault test: two instances, run as `npm start` runs them, start at the same moment on
 * one fresh PostgreSQL database and one Redis (migrations under the advisory lock, the shipped
 * catalog imported by exactly one of them), then take complaints concurrently, round robin.
 * Every request is answered 2xx, every acknowledged ticket is in the database once, and no
 * ticket number is given twice.
 */
describe.runIf(serversUp("postgres", "redis"))("two instances racing on one fresh PostgreSQL database", () => {
  let bundle: ServiceBundle;
  let db: { url: string; drop: () => Promise<void> };
  const prefix = `zwr${crypto.randomBytes(3).toString("hex")}`;
  const dirs: string[] = [];
  const services: ChildService[] = [];
  let sql: pg.Client;
  beforeAll(async () => {
    [bundle, db] = await Promise.all([buildServiceBundle(), createPgDatabase()]);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop(10_000)));
    await sql?.end();
    await db?.drop();
    bundle?.remove();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    const redis = new Redis(testRedisUrl);
    const keys = await redis.keys(`*${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const key = crypto.randomBytes(32).toString("base64");
  const start = () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-race-"));
    dirs.push(dataDir);
    return spawnService({
      entry: bundle.entry,
      env: {
        DATABASE_URL: db.url,
        REDIS_URL: testRedisUrl,
        REDIS_PREFIX: prefix,
        DATA_DIR: dataDir,
        DATA_ENCRYPTION_KEY: key,
        ADMIN_TOKEN,
        AUTO_IMPORT_GUIDES: "true",
        GUIDES_DIR: "guides",
      },
      startTimeoutMs: 150_000,
    }).then((s) => (services.push(s), s));
  };

  it("start together (one import), then take complaints concurrently: all acknowledged, each once, numbers unique", async () => {
    const t = Date.now();
    const [a, b] = await Promise.all([start(), start()]);
    const startMs = Date.now() - t;

    // Migrations applied once, the catalog imported once.
    const migrations = await sql.query<{ name: string; n: string }>("SELECT name, count(*) AS n FROM app_migration GROUP BY name");
    expect(migrations.rows.length).toBe(fs.readdirSync("prisma/migrations").filter((d) => /^\d/.test(d)).length);
    expect(migrations.rows.filter((r) => r.n !== "1")).toEqual([]);
    const imports = [a, b].map((s) => s.logs().filter((l) => l.msg === "imported the shipped catalog on first start").length);
    expect(imports.sort()).toEqual([0, 1]);
    const versions = await sql.query<{ n: string; max: number }>("SELECT count(*) AS n, max(version) AS max FROM catalog_guide_version");
    expect(Number(versions.rows[0]!.n)).toBeGreaterThan(40);
    expect(versions.rows[0]!.max).toBe(1);
    // Each became ready with the whole catalog in its index (defect 7: the one that did not
    // import built its index from the other's import half-way through), and answers from it.
    // The shipped catalog is the province's guides (the Guang'an list is a sample, not loaded).
    const listed = Number((await sql.query<{ n: string }>("SELECT count(*) AS n FROM catalog_item WHERE listed")).rows[0]!.n);
    expect(listed).toBe(Number(versions.rows[0]!.n));
    expect([a, b].map((s) => s.logs().find((l) => l.msg === "search index built")?.items)).toEqual([listed, listed]);
    for (const s of [a, b]) {
      const r = await fetch(`${s.url}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "异地就医备案怎么办", sessionId: crypto.randomUUID() }),
      });
      expect(((await r.json()) as { itemCode: string | null }).itemCode).toBe("QH-630100-YBJ-002");
    }

    const apiKey = await createOpen311Key(a.url, ADMIN_TOKEN);
    const t2 = Date.now();
    const stream = intakeStream({ urls: [a.url, b.url], apiKey, workers: 8, prefix: `标记${prefix}n` });
    await waitFor(() => stream.filed.length >= TARGET, 120_000, `${TARGET} complaints`);
    const filed = await stream.stop();
    const intakeMs = Date.now() - t2;

    // Every request answered 2xx (a collision on a ticket number would be a 500 or a 409 here).
    expect(filed.filter((f) => f.status !== 201).map((f) => `${f.tag}: ${f.status}`)).toEqual([]);
    const numbers = filed.map((f) => f.ticketNo!);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(filed.map((f) => f.via)).size).toBe(2);
    // Each acknowledged request is in the database once, under its number, and nothing else is.
    const rows = await sql.query<{ ticket_no: string; text: string }>("SELECT ticket_no, text FROM complaint WHERE channel = 'open311'");
    const byNumber = new Map(rows.rows.map((r) => [r.ticket_no, r.text]));
    expect(filed.filter((f) => !byNumber.get(f.ticketNo!)?.includes(f.tag)).map((f) => f.ticketNo)).toEqual([]);
    expect(rows.rows.length).toBe(filed.length);
    console.info(`[fault-race] both started in ${startMs} ms; ${filed.length} complaints through two instances in ${intakeMs} ms`);
  }, 300_000);
});
