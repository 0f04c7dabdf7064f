import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { createCapabilities } from "../../src/capabilities";
import { createCatalogPort } from "../../src/catalog";
import type { SearchCapability } from "../../src/search/capability";
import { createPgDatabase } from "../support/db";
import { startTestService, type TestService } from "../support/service";

const shipped = path.resolve(import.meta.dirname, "../../guides");
// A province's catalog at scale: the shipped guides plus a full item list (the Guang'an sample,
// which guides/ itself no longer imports), so that the first-start import is long enough to race.
const guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-province-"));
for (const f of fs.readdirSync(shipped).filter((f) => f.endsWith(".yaml"))) fs.copyFileSync(path.join(shipped, f), path.join(guidesDir, f));
fs.copyFileSync(path.join(shipped, "samples", "service-catalog-guangan.jsonl"), path.join(guidesDir, "province-list.jsonl"));
afterAll(() => fs.rmSync(guidesDir, { recursive: true, force: true }));

/**
 * Issue 16, defect 7: two instances cold-starting on an empty PostgreSQL database with one Redis.
 * The one that did not import reported ready with 1–44 of 1,179 items indexed (it saw the other's
 * import half-way through and took the catalog as imported). Ready means: the search index holds
 * every listed item of the committed catalog, and a question about any of them answers right.
 */
describe.runIf(serversUp("postgres", "redis"))("instances cold-starting together on an empty database", () => {
  const services: TestService[] = [];
  const starting: Promise<unknown>[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await Promise.allSettled(starting.splice(0)); // a failed test may leave one starting
    await Promise.all(services.splice(0).map((s) => s.stop()));
    await drop?.();
    drop = undefined;
  });

  async function start(databaseUrl: string, prefix: string) {
    const caps = createCapabilities();
    const search = caps.find((c) => c.name === "search") as SearchCapability;
    const started = startTestService({
      databaseUrl,
      redis: true,
      capabilities: caps,
      env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guidesDir, REDIS_PREFIX: prefix, LOG_LEVEL: "info" },
    });
    starting.push(started);
    const svc = await started;
    services.push(svc);
    return { svc, search };
  }

  /** Checked the moment an instance has started (it listens, /readyz is 200). */
  async function expectComplete({ svc, search }: Awaited<ReturnType<typeof start>>) {
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(200);
    const listed = await createCatalogPort(svc.ctx.db.prisma).listSearchItems();
    const missing = listed.filter((i) => !search.index().has(i.code)).map((i) => i.code);
    expect({ indexed: search.index().size, missing: missing.slice(0, 5) }).toEqual({ indexed: listed.length, missing: [] });
    // The last guide the import reads, and one in the middle.
    for (const [question, code] of [
      ["异地就医备案怎么办", "QH-630100-YBJ-002"],
      ["身份证丢了怎么补办", "QH-630000-GAT-002"],
    ] as const) {
      const r = await fetch(`${svc.url}/api/v1/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question, sessionId: crypto.randomUUID() }),
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { itemCode: string | null }).itemCode, question).toBe(code);
    }
    return listed.length;
  }

  async function freshDatabase() {
    const db = await createPgDatabase();
    drop = db.drop;
    return { url: db.url, prefix: `zwc${crypto.randomBytes(3).toString("hex")}` };
  }

  it("started at the same moment: each is ready only with the whole catalog indexed, imported once", async () => {
    const { url, prefix } = await freshDatabase();
    const [a, b] = await Promise.all([start(url, prefix), start(url, prefix)]);
    const counts = [await expectComplete(a), await expectComplete(b)];
    expect(counts[0]).toBeGreaterThan(1000); // the guides and the province's list
    expect(counts[1]).toBe(counts[0]);
    const imports = [a, b].map(({ svc }) => svc.logs.filter((l) => l.msg === "imported the shipped catalog on first start").length);
    expect(imports.sort()).toEqual([0, 1]);
  }, 180_000);

  it("one joining while the other's import is half-way: it waits for the import, then is ready with everything", async () => {
    const { url, prefix } = await freshDatabase();
    const first = start(url, prefix);
    first.catch(() => {});
    // Wait until the first instance's import has committed some items, but not all.
    const probe = await import("pg").then((m) => new m.default.Client({ connectionString: url }));
    await probe.connect();
    let seen = 0;
    try {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        // Before the first instance's migrations, the table is not there yet.
        const r = await probe.query<{ n: string }>(`SELECT count(*) AS n FROM catalog_item`).catch((e: { code?: string }) => {
          if (e.code === "42P01") return { rows: [{ n: "0" }] };
          throw e;
        });
        seen = Number(r.rows[0]!.n);
        if (seen > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await probe.end();
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1000); // still importing
    const late = await start(url, prefix);
    const count = await expectComplete(late);
    expect(count).toBeGreaterThan(1000);
    await expectComplete(await first);
  }, 180_000);
});
