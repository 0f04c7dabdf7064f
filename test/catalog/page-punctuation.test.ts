import { describe, expect, it } from "vitest";
import { readGuideFile } from "../../src/catalog/import/read-guide-file";
import type { ItemRecord } from "../../src/catalog/items/get-item";
import { renderGuidePage } from "../../src/catalog/page/render-guide-page";

const fixture = new URL("./fixtures/guides/full-guide.yaml", import.meta.url).pathname;

function item(): ItemRecord {
  const r = readGuideFile(fixture);
  if (!r.ok) throw new Error("fixture invalid");
  const g = r.guide;
  return {
    code: g.code, name: g.name, type: g.type, region: g.region ?? null, department: { name: g.authority.name, region: "630000", code: null },
    hasGuide: true, guide: g, version: 1, updatedAt: new Date("2025-01-02T03:04:05Z"), taskType: null, link: null, catalog: null,
  };
}

/** The punctuation between a label and its value comes from templates/catalog/<lang>.yaml, not from code. */
describe("guide page punctuation", () => {
  it("writes Chinese punctuation on the Chinese page", () => {
    const page = renderGuidePage(item(), "zh", "12345");
    for (const s of ["也叫：换身份证、身份证过期", "《中华人民共和国居民身份证法》</strong>（主席令第4号）", "居民身份证工本费：20元", "收费依据：《关于", "窗口：12号窗口", "地址：西宁市城西区", "办公时间：工作日 9:00-12:00"]) {
      expect(page).toContain(s);
    }
  });

  it("writes a shad after a label on the Tibetan page, and no Chinese colon or brackets", () => {
    const page = renderGuidePage(item(), "bo", "12345");
    for (const s of ["居民身份证工本费། 20元", "窗口། 12号窗口", "地址། 西宁市城西区", "</strong> (主席令第4号)"]) expect(page).toContain(s);
    expect(page).not.toMatch(/：|（主席令/);
  });
});
