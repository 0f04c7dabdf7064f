import { describe, expect, it } from "vitest";
import { cachedCatalogPort, CATALOG_CHANGED } from "../../src/catalog";
import { MemoryStore } from "../../src/platform/store";
import { FileCatalog } from "../../src/search/file-catalog";
import type { PublishedCatalog } from "../../src/catalog";

const root = new URL("../../", import.meta.url).pathname;
const CODE = "QH-630000-GAT-001";

/** The shipped guides as the source, each read counted and (when asked) held back, like a slow database. */
function slowSource() {
  const files = FileCatalog.load({ guidesDir: `${root}guides`, catalogFiles: [] });
  let reads = 0;
  let gate: Promise<void> | undefined;
  const port: PublishedCatalog = {
    async getGuide(code) {
      reads++;
      const g = await files.getGuide(code);
      await gate;
      return g;
    },
    listSearchItems: () => files.listSearchItems(),
  };
  return { port, reads: () => reads, hold: (p: Promise<void>) => (gate = p) };
}

describe("cached catalog port", () => {
  it("serves a guide from memory until the catalog announces a change of it", async () => {
    const store = new MemoryStore();
    const src = slowSource();
    const cached = await cachedCatalogPort(src.port, store);
    await cached.getGuide(CODE);
    await cached.getGuide(CODE);
    expect(src.reads()).toBe(1);
    await store.publish(CATALOG_CHANGED, JSON.stringify({ code: CODE }));
    await new Promise((r) => setTimeout(r, 20));
    await cached.getGuide(CODE);
    expect(src.reads()).toBe(2);
    await cached.close();
  });

  it("does not keep a read that a change announcement overtook", async () => {
    const store = new MemoryStore();
    const src = slowSource();
    const cached = await cachedCatalogPort(src.port, store);
    let release!: () => void;
    src.hold(new Promise<void>((r) => (release = r)));
    const reading = cached.getGuide(CODE); // started before the publication...
    await new Promise((r) => setTimeout(r, 10));
    await store.publish(CATALOG_CHANGED, JSON.stringify({ code: CODE })); // ...which lands meanwhile
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect((await reading)?.code).toBe(CODE);
    src.hold(Promise.resolve());
    await cached.getGuide(CODE);
    expect(src.reads()).toBe(2); // read again: the overtaken result was not cached
    await cached.close();
  });
});
