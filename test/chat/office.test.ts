import { beforeAll, describe, expect, it } from "vitest";
import { guideToSearchItem } from "../../src/catalog";
import { FileCatalog } from "../../src/search/file-catalog";
import { chatHarness } from "./harness";

// Issue 20: a question about an office ("尖扎消防大队在哪", "泽库税务局电话多少") names no
// service; the office's published guides give its address, phone and name.
describe("an office asked about", () => {
  let h: Awaited<ReturnType<typeof chatHarness>>;
  beforeAll(async () => {
    h = await chatHarness();
  });

  it("the only tax office with guides is found by its kind alone", async () => {
    const r = await h.user()("税务局在哪");
    expect(r).toMatchObject({ itemCode: "QH-630000-SWJ-001", aspect: "locations" });
  });
  it("an office no guide names stays not found", async () => {
    const r = await h.user()("我家旁边的派出所在哪");
    expect(r.itemCode ?? null).toBeNull();
  });

  describe("with set N's guides (two county tax offices, a fire brigade)", () => {
    beforeAll(async () => {
      const extra = FileCatalog.load({ guidesDir: new URL("../../eval/fresh-n/guides", import.meta.url).pathname, strict: true });
      for (const code of extra.guideCodes()) {
        const g = (await extra.getGuide(code))!;
        h.catalog.publish(g);
        h.search.upsert(guideToSearchItem(g, g.department));
      }
    });
    it("the office's words may be fewer than its name's (消防大队 for 消防救援大队)", async () => {
      const r = await h.user()("尖扎县消防大队电话多少");
      expect(r).toMatchObject({ itemCode: "QH-632300-XF-001", aspect: "contact" });
    });
    it("the place named picks one of two offices of a kind", async () => {
      expect((await h.user()("泽库县税务局在哪")).itemCode).toBe("QH-632300-SW-002");
    });
    it("two offices of a kind and no place: no guess", async () => {
      const r = await h.user()("县税务局电话多少");
      expect(["QH-632300-SW-001", "QH-632300-SW-002"]).not.toContain(r.itemCode);
    });
  });
});
