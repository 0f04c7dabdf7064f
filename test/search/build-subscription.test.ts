import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { announceChanged } from "../../src/catalog/events";
import { CATALOG_CHANGED, createCatalogPort, importPaths, SYNONYMS_CHANGED } from "../../src/catalog";
import { loadConfig } from "../../src/platform/config";
import type { AppContext } from "../../src/platform/context";
import { createLogger } from "../../src/platform/logger";
import { MemoryStore } from "../../src/platform/store";
import { searchCapability } from "../../src/search/capability";
import { createTestDb, type TestDb } from "../support/db";

const fixtures = path.join(import.meta.dirname, "../catalog/fixtures/guides");

/**
 * The search index is built from the database and then kept current by `catalog.changed`. An
 * item published while the index was being built (after its read of the catalog, before it
 * listened) used to be missed until the next restart: the index listens first now, and applies
 * what it heard once built, before the instance reports ready.
 */
describe("search index build and the changes published meanwhile", () => {
  let db: TestDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("applies an item published between its read of the catalog and the end of its build", async () => {
    db = await createTestDb("pglite");
    const store = new MemoryStore();
    const real = db.prisma;
    let published: string[] = [];
    // The catalog read of the build; the moment it has its rows, another instance publishes.
    const serviceItem = new Proxy(real.serviceItem, {
      get(target, prop, receiver) {
        if (prop !== "findMany") return Reflect.get(target, prop, receiver) as unknown;
        return async (args: Parameters<typeof real.serviceItem.findMany>[0]) => {
          const rows = await target.findMany(args);
          if (!published.length) {
            const report = await importPaths({ prisma: real, paths: [fixtures] });
            published = report.changedCodes;
            await announceChanged(store, published);
            await new Promise((r) => setImmediate(r)); // delivered now, while the build waits, as Redis would
          }
          return rows;
        };
      },
    });
    const prisma = new Proxy(real, { get: (t, p, r) => (p === "serviceItem" ? serviceItem : (Reflect.get(t, p, r) as unknown)) });
    const config = loadConfig({ SEARCH_WARMUP_QUERIES: "0" }, "/nonexistent");
    const ctx = { config, logger: createLogger({ level: "silent", format: "json" }), db: { ...db, prisma }, store, now: () => new Date() } as unknown as AppContext;
    const search = searchCapability({ source: (c) => createCatalogPort(c.db.prisma), changes: { item: CATALOG_CHANGED, synonyms: SYNONYMS_CHANGED } });
    await search.start!(ctx, { web: true, worker: false });
    try {
      expect(published.length).toBeGreaterThan(0);
      expect(published.filter((code) => !search.index().has(code))).toEqual([]);
    } finally {
      await search.stop!();
      await store.close();
    }
  });
});
