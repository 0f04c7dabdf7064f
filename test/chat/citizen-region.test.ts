import { beforeAll, describe, expect, it } from "vitest";
import { detectRegion } from "../../src/chat/regions";
import { chatHarness, harnessWith } from "./harness";

/**
 * A province publishes the same service once per county, under names that differ a little
 * (西宁's 机动车转移登记（过户）, 玉树's 机动车转移登记). The place a citizen names — a county,
 * or the town that is its seat — decides whose guide answers, in this question and the next.
 */
describe("the citizen's place", () => {
  it("knows the county seats people name for their county, not words that only look like one", () => {
    expect(detectRegion("结古这边办房产证在哪里办")).toMatchObject({ code: "632701", name: "结古" });
    expect(detectRegion("恰卜恰哪里办")).toMatchObject({ code: "632521" });
    expect(detectRegion("嫁到浩门来了 户口想迁过来")).toMatchObject({ code: "632221" });
    expect(detectRegion("八宝粥的生产许可")).toBeUndefined();
  });

  describe("in a conversation (玉树 guides beside 西宁's)", () => {
    let h: Awaited<ReturnType<typeof harnessWith>>;
    beforeAll(async () => {
      h = await harnessWith("eval/fresh-t/guides");
    });

    it("a follow-up naming a county moves to the same item as published there", async () => {
      const ask = h.user();
      // No place yet: one guide of the same item is as good as another.
      expect((await ask("驾照下个月到期了，要提前多久去换")).itemCode).toMatch(/^QH-6(30100|32700)-/);
      expect(await ask("在称多县能换不")).toMatchObject({ itemCode: "QH-632700-JJ-004" });
    });

    it("a town named for its county finds that county's guide", async () => {
      const ask = h.user();
      expect(await ask("结古这边办房产证在哪里办")).toMatchObject({ itemCode: "QH-632701-ZR-001", aspect: "locations" });
    });
  });

  it("of two close matches under different names, the one serving the place named (海西's 灵活就业 pension, not 西宁's residents' pension)", async () => {
    const h = await harnessWith("eval/fresh-j/guides");
    expect(await h.user()("我在德令哈开出租车没单位 养老保险我自己能交不 阿门交")).toMatchObject({ itemCode: "QH-632800-RSJ-001" });
    // Without a place, nothing to prefer: 西宁's guide may answer.
    expect((await h.user()("开出租车没单位 养老保险我自己能交不 阿门交")).itemCode).toMatch(/^QH-6(30100|32800)-RSJ-001$/);
  });

  // Session 13 (sets Y–AB asked "在广安…找哪个部门" and got 西宁's published guide): the shipped
  // sample list's place is a place too.
  it("naming the sample list's place prefers its items over another place's guide", async () => {
    const h = await chatHarness();
    const there = await h.user()("应聘保安要开无犯罪证明，广安区找哪个部门开");
    expect(there.itemCode).toBe("513A0116800003-511602000000-000-1151130000877869M-1-00");
    expect(there.text).toContain("区公安分局");
    // No place named: the published guide still answers.
    expect((await h.user()("应聘保安要开无犯罪证明 找哪个部门开")).itemCode).toBe("QH-630100-GAJ-005");
  });
});
