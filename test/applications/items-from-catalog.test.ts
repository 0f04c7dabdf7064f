import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemsFromCatalog } from "../../src/applications";
import { createCatalogPort, importPaths } from "../../src/catalog";
import { createTestDb, type TestDb } from "../support/db";

const fixtures = path.join(import.meta.dirname, "../catalog/fixtures/guides");

// Applications read items through the catalog's published port (issue 17: no reading of the
// catalog's tables from another capability), from the composition root's wiring.
describe("an application's item, read through the published catalog", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("pglite");
    await importPaths({ prisma: db.prisma, paths: [fixtures] });
  });
  afterAll(() => db.close());

  it("takes name, department and promised limit from the published guide", async () => {
    const items = itemsFromCatalog(createCatalogPort(db.prisma));
    const item = await items.getItem("TEST-630000-0001");
    expect(item).toMatchObject({ code: "TEST-630000-0001", name: "居民身份证换领（测试）", limit: { value: 20, unit: "工作日" } });
    expect(item?.department).toBeTruthy();
  });

  it("refuses a listed item without a guide (no promised limit) and knows no unknown code", async () => {
    const items = itemsFromCatalog(createCatalogPort(db.prisma));
    await expect(items.getItem("TEST-LIST-0001")).rejects.toMatchObject({ reason: "item_without_guide" });
    expect(await items.getItem("NOPE-0001")).toBeNull();
  });
});
