import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importOnFirstStart } from "../../src/catalog/auto-import";
import { CATALOG_CHANGED } from "../../src/catalog";
import { loadConfig } from "../../src/platform/config";
import type { AppContext } from "../../src/platform/context";
import { createLogger } from "../../src/platform/logger";
import { MemoryStore } from "../../src/platform/store";
import { createTestDb, type TestDb } from "../support/db";

const fixtures = path.join(import.meta.dirname, "fixtures/guides");

/**
 * The first-start import announces its items only where another instance can hear it (a
 * shared Redis): with the in-process store the only listener is this instance's own search
 * index, built after the import, which would re-read every item it has just read.
 */
describe("first-start import announcements", () => {
  let db: TestDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  async function importWith(env: Record<string, string>): Promise<string[]> {
    db = await createTestDb("pglite");
    const store = new MemoryStore();
    const heard: string[] = [];
    await store.subscribe(CATALOG_CHANGED, (m) => void heard.push((JSON.parse(m) as { code: string }).code));
    const config = loadConfig({ AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: fixtures, ...env }, "/nonexistent");
    const app = { config, logger: createLogger({ level: "silent", format: "json" }), db, store, now: () => new Date() } as unknown as AppContext;
    const report = await importOnFirstStart(app);
    expect(report?.changedCodes.length).toBeGreaterThan(0);
    await new Promise((r) => setImmediate(r)); // the store delivers on the next turn, as Redis would
    await store.close();
    return heard;
  }

  it("tells nobody with the in-process store", async () => {
    expect(await importWith({})).toEqual([]);
  });

  it("announces every imported item when instances share Redis", async () => {
    // The store here stands in for Redis: what matters is that the import publishes.
    const heard = await importWith({ REDIS_URL: "redis://127.0.0.1:6379" });
    expect(heard.length).toBeGreaterThan(0);
  });
});
