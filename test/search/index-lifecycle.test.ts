import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../src/search/search-index";
import type { SearchItem } from "../../src/search/ports";

const item = (code: string, name: string, extra: Partial<SearchItem> = {}): SearchItem => ({
  code, name, aliases: [], department: "西宁市公安局", region: "630100", type: "行政许可", hasGuide: true, ...extra,
});
const items = [
  item("SFZ", "居民身份证换领", { aliases: ["身份证到期换证"] }),
  item("JZ", "机动车驾驶证补领", { aliases: ["驾照补办"] }),
  item("HK", "户口迁移登记"),
  item("DB", "城乡居民最低生活保障审核确认", { department: "西宁市民政局" }),
];

describe("SearchIndex generation and start-up warm-up", () => {
  it("moves its generation on every change, and only then", () => {
    const idx = new SearchIndex();
    const g0 = idx.generation;
    idx.rebuild(items);
    const g1 = idx.generation;
    expect(g1).toBeGreaterThan(g0);
    idx.search("驾照丢了怎么补");
    idx.get("JZ");
    expect(idx.generation).toBe(g1);
    idx.upsert(item("JZ", "机动车驾驶证补领", { aliases: ["驾照补办", "驾驶证丢了"] }));
    const g2 = idx.generation;
    expect(g2).toBeGreaterThan(g1);
    idx.remove("HK");
    const g3 = idx.generation;
    expect(g3).toBeGreaterThan(g2);
    idx.setSynonyms([{ terms: ["身份证"], canonical: ["居民身份证"], kind: "object" }]);
    expect(idx.generation).toBeGreaterThan(g3);
  });

  it("warms up on its own names without changing what it finds", () => {
    const idx = new SearchIndex();
    idx.rebuild(items);
    const questions = ["驾照丢了怎么补", "身份证到期换要多少钱", "户口迁移要带什么", "低保怎么申请"];
    const before = questions.map((q) => idx.search(q, { limit: 5 }).hits.map((h) => [h.code, h.score]));
    const g = idx.generation;
    expect(idx.warmUp(300)).toBeGreaterThan(0);
    expect(idx.generation).toBe(g);
    expect(questions.map((q) => idx.search(q, { limit: 5 }).hits.map((h) => [h.code, h.score]))).toEqual(before);
    expect(new SearchIndex().warmUp(10)).toBe(0); // nothing indexed: nothing to do
  });
});
