import { describe, expect, it } from "vitest";
import { serves } from "../../src/platform/region-codes";
import { groupByName } from "../../src/search/grouping";
import type { Entry, Scored } from "../../src/search/scoring";

let id = 0;
const item = (code: string, name: string, region: string, score: number): Scored => {
  const entry = { id: ++id, code, name, nameN: name, aliasN: "", boN: "", department: `${region} 的部门`, region, hasGuide: true } as Entry;
  return { entry, score, coverage: 1 };
};

/** The same item in several places folds into one hit, the citizen's place's instance chosen; other places' items rank a little lower. */
describe("grouping by name and the citizen's place", () => {
  const scored = () => [item("XN", "不动产首次登记", "630100", 0.8), item("YS", "不动产首次登记", "632701", 0.8), item("NQ", "不动产转移登记", "632725", 0.78)];

  it("a county's instance when the citizen named its prefecture", () => {
    expect(groupByName(scored(), "632700")[0]).toMatchObject({ code: "YS", instances: [{ code: "YS" }, { code: "XN" }] });
    expect(groupByName(scored(), "630100")[0]).toMatchObject({ code: "XN" });
  });

  it("an item serving another place than the one named ranks below a close one that serves it", () => {
    expect(groupByName(scored(), "632725").map((h) => h.code)).toEqual(["NQ", "XN"]);
    // Session 13 (set Z: 门源上小学… answered with 西宁's 义务教育阶段入学): a tenth ahead is not enough
    // to beat the named county's own item under another name.
    expect(groupByName([item("XN", "义务教育阶段入学", "630100", 1.0), item("MY", "小学一年级新生入学登记", "632221", 0.89)], "632221").map((h) => h.code)).toEqual(["MY", "XN"]);
    // Far behind, it stays behind: a preference, not a filter.
    expect(groupByName([item("A", "户口迁入", "630100", 0.9), item("B", "户籍证明", "632221", 0.5)], "632221").map((h) => h.code)).toEqual(["A", "B"]);
    expect(groupByName(scored()).map((h) => h.code)).toEqual(["XN", "NQ"]);
  });

  it("an item serves its own place, the places within it and those below the place above it, and nowhere else", () => {
    expect(serves("632700", "632723")).toBe(true); // the prefecture's office for a county's citizen
    expect(serves("632723", "632700")).toBe(true); // a county's office when the citizen named the prefecture
    expect(serves("630000", "632723")).toBe(true); // the province's
    expect(serves("630100", "632723")).toBe(false); // 西宁's for a 称多 citizen
    expect(serves("511602", "632723")).toBe(false); // another province's list
    expect(serves(undefined, "632723")).toBe(true); // an item without a place
  });
});
