import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDatabase, createTestDb, testDbKinds, type TestDb } from "../support/db";
import { importPaths } from "../../src/catalog/import/import-paths";
import { runImportCli } from "../../src/catalog/import/cli";

const root = path.resolve(import.meta.dirname, "../..");
const guidesDir = path.join(root, "guides");
// The Guang'an (Sichuan) list is a sample in guides/samples/: imported only when named, never with guides/.
const guangan = path.join(guidesDir, "samples", "service-catalog-guangan.jsonl");
const brokenDir = path.join(import.meta.dirname, "fixtures/broken");

describe.each(testDbKinds())("importing the catalog (%s)", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(async () => db?.close());

  it("imports guides/ (Qinghai only: the sample list stays out) and, when named, the Guang'an sample", async () => {
    const r = await importPaths({ prisma: db.prisma, paths: [guidesDir] });
    console.log(`[${kind}] guides/: ${r.guides.created} guides in ${r.ms} ms`);
    expect(r.problems).toEqual([]);
    expect(r.guides.created).toBeGreaterThanOrEqual(40);
    expect(r.catalog).toMatchObject({ created: 0, unchanged: 0 });
    const regions = await db.prisma.serviceItem.findMany({ select: { code: true } });
    expect(regions.every((i) => i.code.startsWith("QH-"))).toBe(true);
    const c = await importPaths({ prisma: db.prisma, paths: [guangan] });
    console.log(`[${kind}] Guang'an sample: ${c.catalog.created} items in ${c.ms} ms`);
    expect(c.problems).toEqual([]);
    expect(c.catalog.created).toBe(1135);
    expect(await db.prisma.guideVersion.count()).toBe(r.guides.created);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await db.prisma.serviceItem.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: "asc" } });
    const versions = await db.prisma.guideVersion.count();
    const r = await importPaths({ prisma: db.prisma, paths: [guidesDir, guangan] });
    console.log(`[${kind}] re-import (nothing to do): ${r.ms} ms`);
    expect(r.guides).toMatchObject({ created: 0, updated: 0 });
    expect(r.catalog).toMatchObject({ created: 0, updated: 0, unchanged: 1135 });
    expect(r.changedCodes).toEqual([]);
    expect(await db.prisma.guideVersion.count()).toBe(versions);
    const after = await db.prisma.serviceItem.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: "asc" } });
    expect(after).toEqual(before);
  });

  it("imports the valid files of a directory with a broken one and names file, field and line", async () => {
    const r = await importPaths({ prisma: db.prisma, paths: [brokenDir] });
    expect(r.guides.created).toBe(1);
    expect(r.rejectedFiles.map((f) => path.basename(f))).toEqual(["broken.yaml"]);
    expect(r.problems).toEqual([expect.objectContaining({ file: "broken.yaml", field: "materials.0.form", line: 15 })]);
  });
});

describe("guides:import CLI", () => {
  it("exits non-zero naming the broken file, field and line, having imported the rest", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-import-"));
    const pg = testDbKinds().includes("postgres") ? await createPgDatabase() : undefined;
    const out: string[] = [];
    const err: string[] = [];
    try {
      const env = { DATA_DIR: dataDir, LOG_LEVEL: "silent", ...(pg ? { DATABASE_URL: pg.url } : {}) };
      const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), isTty: false };
      const code = await runImportCli([brokenDir], env, io);
      expect(code).toBe(1);
      expect(err.join("\n")).toMatch(/broken\.yaml:15\s+materials\.0\.form:/);
      expect(out.join("\n")).toMatch(/guides 1 new/);
      expect(await runImportCli([path.join(brokenDir, "good.json")], env, io)).toBe(0);
      expect(out.at(-1)).toMatch(/guides 0 new, 0 updated, 1 unchanged/);
    } finally {
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
