import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../src/search/search-index";
import type { SearchItem } from "../../src/search/ports";

/**
 * The FlexSearch-backed candidate index behind SearchIndex: candidates for a question,
 * and upserts/removals visible to the very next search (fastupdate removal, no stale cache).
 */
const item = (code: string, name: string, extra: Partial<SearchItem> = {}): SearchItem => ({
  code,
  name,
  aliases: [],
  department: "西宁市公安局",
  region: "630100",
  type: "行政许可",
  hasGuide: false,
  ...extra,
});

const codes = (idx: SearchIndex, q: string, opts = {}) => idx.search(q, opts).hits.flatMap((h) => h.instances.map((i) => i.code));

describe("SearchIndex on FlexSearch", () => {
  const catalog = [
    item("A", "机动车驾驶证补领", { aliases: ["驾照补办"], text: "驾驶证遗失、损毁的，到车辆管理所申请补领。" }),
    item("B", "居民身份证换领", { text: "居民身份证有效期满的，到户籍所在地派出所换领。" }),
    item("C", "营业执照补领、换发", { department: "西宁市市场监督管理局", text: "营业执照遗失的，发布作废声明后申请补领。" }),
    item("D", "城乡居民基本养老保险待遇申领", { department: "西宁市人社局", aliases: ["养老金领取"] }),
  ];

  it("finds candidates by name, alias and guide text", () => {
    const idx = new SearchIndex();
    idx.rebuild(catalog);
    expect(codes(idx, "驾驶证丢了怎么补")[0]).toBe("A");
    expect(codes(idx, "驾照补办")[0]).toBe("A");
    expect(codes(idx, "养老金怎么领")[0]).toBe("D");
    expect(codes(idx, "作废声明")).toContain("C"); // only in the guide text
    expect(codes(idx, "营业执照补领", { department: "西宁市公安局" })).not.toContain("C");
    expect(idx.stats().items).toBe(4);
    expect(idx.stats().postings).toBeGreaterThan(20);
  });

  it("shows upserts and removals in the next search", () => {
    const idx = new SearchIndex();
    idx.rebuild(catalog);
    idx.upsert(item("E", "出入境记录查询", { department: "西宁市公安局出入境管理支队" }));
    expect(codes(idx, "出入境记录")[0]).toBe("E");
    // renamed: the old name's words no longer find it, the new ones do
    idx.upsert(item("E", "往来台湾通行证签发"));
    expect(codes(idx, "出入境记录")).not.toContain("E");
    expect(codes(idx, "台湾通行证")[0]).toBe("E");
    expect(idx.remove("E")).toBe(true);
    expect(codes(idx, "台湾通行证")).not.toContain("E");
    expect(idx.has("E")).toBe(false);
    // every item carrying a term removed: no candidates, no crash
    idx.remove("A");
    expect(codes(idx, "驾驶")).toEqual([]);
    expect(codes(idx, "驾驶证补领")).not.toContain("A");
  });

  it("returns after removals what a fresh build of the survivors returns", () => {
    const words = ["驾驶证", "身份证", "营业执照", "补领", "换领", "户口", "迁移", "养老", "医保", "公积金", "提取", "登记", "注销", "变更"];
    let seed = 11;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = () => words[Math.floor(rnd() * words.length)]!;
    const all = Array.from({ length: 120 }, (_, i) =>
      item(`X${i}`, `${pick()}${pick()}${pick()}`, { text: Array.from({ length: 6 }, pick).join("，"), region: `63${String(i % 40).padStart(2, "0")}00` }),
    );
    const dropped = new Set(all.filter((_, i) => i % 3 === 1).map((x) => x.code));
    const updated = new SearchIndex();
    updated.rebuild(all);
    for (const c of dropped) updated.remove(c);
    // same insertion order of the survivors → same candidates. Items sharing a name share one
    // FlexSearch document, which keeps its place among equal matches (that of its first member)
    // and is re-inserted when a member leaves with a line of guide text of its own: ties may
    // order differently than in a fresh build, so compare every hit (found, name match,
    // instances), not the order (120 items: no question reaches the 60-candidate cap).
    const fresh = new SearchIndex();
    fresh.rebuild(all.filter((x) => !dropped.has(x.code)));
    const view = (idx: SearchIndex, q: string) =>
      idx.search(q, { limit: 100 }).hits.map((h) => `${h.name} ${h.coverage} ${h.instances.map((i) => i.code).sort().join(",")}`).sort();
    for (const q of ["驾驶证补领", "户口迁移登记", "公积金提取", "医保变更", "身份证换领注销", "营业执照"]) {
      const got = codes(updated, q, { limit: 20 });
      expect(got.some((c) => dropped.has(c))).toBe(false);
      expect(view(updated, q), q).toEqual(view(fresh, q));
    }
  });
});

/**
 * Candidate retrieval leaves out terms found in more than 5 % of the items (single characters:
 * 0.2 %, at least 20 items) and walks at most 7 % of the items' postings per field, rarest terms
 * first: a common word must not crowd out the item a rare word names, and a question made only
 * of common words still finds candidates (its rarest term).
 */
describe("SearchIndex term selection", () => {
  const filler = Array.from({ length: 400 }, (_, i) =>
    item(`F${i}`, `${["建设工程", "农业机械", "食品经营", "道路运输"][i % 4]}许可证明第${i}号`, { text: "许可证明材料齐全的当场办结。" }),
  );
  const target = item("T", "犬只登记许可证明", { text: "饲养犬只的，到公安机关办理登记。" });

  it("finds the item a rare word names among hundreds sharing a common word", () => {
    const idx = new SearchIndex();
    idx.rebuild([...filler, target]);
    expect(codes(idx, "养狗犬只许可证明怎么办")[0]).toBe("T");
    expect(codes(idx, "犬只登记")[0]).toBe("T");
  });

  it("still answers a question made only of common words", () => {
    const idx = new SearchIndex();
    idx.rebuild([...filler, target]);
    expect(codes(idx, "许可证明").length).toBeGreaterThan(0);
  });

  it("sees an upserted item and forgets a removed one under term selection", () => {
    const idx = new SearchIndex();
    idx.rebuild(filler);
    expect(codes(idx, "犬只登记")).not.toContain("T");
    idx.upsert(target);
    expect(codes(idx, "犬只登记")[0]).toBe("T");
    idx.remove("T");
    expect(codes(idx, "犬只登记")).not.toContain("T");
  });
});
