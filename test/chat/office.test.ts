import { beforeAll, describe, expect, it } from "vitest";
import { chatHarness, harnessWith } from "./harness";

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
      h = await harnessWith("eval/fresh-n/guides");
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
