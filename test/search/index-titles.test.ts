import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../src/search/search-index";
import type { SearchItem } from "../../src/search/ports";

/**
 * A province lists the same item for every county: items with the same name, aliases and
 * Tibetan name share one title, indexed once by FlexSearch. Upserts and removals move an item
 * between titles; a title leaves FlexSearch with its last member; the other members of a
 * shared title are unaffected.
 */
const county = (code: string, region: string, extra: Partial<SearchItem> = {}): SearchItem => ({
  code,
  name: "城乡居民最低生活保障审核确认",
  aliases: ["低保申请"],
  department: `${region}民政局`,
  region,
  type: "行政给付",
  text: "家庭人均收入低于当地低保标准的，向户籍所在地乡镇人民政府提出申请。",
  hasGuide: false,
  ...extra,
});
const other = (code: string, name: string, extra: Partial<SearchItem> = {}): SearchItem => ({
  code, name, aliases: [], department: "西宁市公安局", region: "630100", type: "行政许可", hasGuide: false, ...extra,
});

const regions = ["630102", "630103", "630104", "630105", "632801", "632802", "630000"];
const codesOf = (idx: SearchIndex, q: string, opts = {}) => idx.search(q, opts).hits.map((h) => h.instances.map((i) => i.code).sort());
const hitFor = (idx: SearchIndex, q: string, name: string) => idx.search(q, { limit: 20 }).hits.find((h) => h.name === name);

describe("SearchIndex title groups", () => {
  const base = () => [
    ...regions.map((r, i) => county(`DB-${i}`, r)),
    other("JZ", "机动车驾驶证补领", { aliases: ["驾照补办"] }),
    other("HK", "户口迁移登记"),
  ];

  it("indexes a title shared by every county once and finds all its members", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    expect(idx.stats()).toMatchObject({ items: 9, titles: 3 });
    // one FlexSearch document per field: the name and aliases once, the guide text as the
    // union of the counties' lines (the shared text and each county's department)
    const union = new SearchIndex();
    union.rebuild([
      { ...county("U", "630102"), text: [county("U", "630102").text!, ...regions.slice(0, -1).map((r) => `${r}民政局`)].join("\n"), department: `${regions.at(-1)}民政局` },
      other("JZ", "机动车驾驶证补领", { aliases: ["驾照补办"] }),
      other("HK", "户口迁移登记"),
    ]);
    expect(idx.stats().postings).toBe(union.stats().postings);
    const hit = hitFor(idx, "低保怎么申请", "城乡居民最低生活保障审核确认")!;
    expect(hit.instances.map((i) => i.code).sort()).toEqual(regions.map((_, i) => `DB-${i}`).sort());
    expect(idx.search("低保", { region: "632801" }).hits[0]!.code).toBe("DB-4");
  });

  it("a county added later joins the title; one removed leaves the others found", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    idx.upsert(county("DB-new", "632803"));
    expect(idx.stats().titles).toBe(3);
    expect(hitFor(idx, "低保申请", "城乡居民最低生活保障审核确认")!.instances.map((i) => i.code)).toContain("DB-new");
    expect(idx.search("低保", { region: "632803" }).hits[0]!.code).toBe("DB-new");
    idx.remove("DB-4");
    const codes = hitFor(idx, "低保申请", "城乡居民最低生活保障审核确认")!.instances.map((i) => i.code);
    expect(codes).not.toContain("DB-4");
    expect(codes).toHaveLength(regions.length);
    expect(idx.stats().titles).toBe(3);
  });

  it("a renamed member leaves the shared title, the others keep the old name", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    idx.upsert(county("DB-2", "630104", { name: "特困人员救助供养审核确认", aliases: [] }));
    expect(idx.stats().titles).toBe(4);
    const old = hitFor(idx, "低保申请", "城乡居民最低生活保障审核确认")!;
    expect(old.instances.map((i) => i.code)).not.toContain("DB-2");
    expect(old.instances).toHaveLength(regions.length - 1);
    expect(idx.search("特困供养").hits[0]!.instances.map((i) => i.code)).toEqual(["DB-2"]);
    // renamed back: joins the title again, the one-member title is gone
    idx.upsert(county("DB-2", "630104"));
    expect(idx.stats().titles).toBe(3);
    expect(idx.search("特困供养").hits.find((h) => h.name === "特困人员救助供养审核确认")).toBeUndefined();
    expect(hitFor(idx, "低保申请", "城乡居民最低生活保障审核确认")!.instances).toHaveLength(regions.length);
  });

  it("an alias change moves the item to another title (aliases are part of the title)", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    idx.upsert(county("DB-0", "630102", { aliases: ["低保申请", "吃低保"] }));
    expect(idx.stats().titles).toBe(4);
    const hit = idx.search("吃低保").hits[0]!;
    // same name: still one hit, the new alias's member chosen, all members its instances
    expect(hit.code).toBe("DB-0");
    expect(hit.instances).toHaveLength(regions.length);
    expect(idx.search("吃低保").hits).toHaveLength(1);
  });

  it("removing the last member removes the title from FlexSearch and from the IDF counts", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    const before = idx.stats().postings;
    expect(idx.search("最低生活保障怎么办").unknown).toEqual([]);
    for (let i = 0; i < regions.length; i++) idx.remove(`DB-${i}`);
    expect(idx.stats()).toMatchObject({ items: 2, titles: 2 });
    expect(idx.search("最低生活保障").hits).toEqual([]);
    // its words are unknown again: the catalog has nothing they name
    expect(idx.search("最低生活保障怎么办").unknown).toEqual(["生活", "保障"]);
    const fresh = new SearchIndex();
    fresh.rebuild([other("JZ", "机动车驾驶证补领", { aliases: ["驾照补办"] }), other("HK", "户口迁移登记")]);
    expect(idx.stats().postings).toBe(fresh.stats().postings);
    expect(before).toBeGreaterThan(fresh.stats().postings);
    // and it comes back with a new member
    idx.upsert(county("DB-9", "630105"));
    expect(idx.search("低保申请").hits[0]!.instances.map((i) => i.code)).toEqual(["DB-9"]);
  });

  it("department and type filters pick members of a shared title", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    expect(idx.search("低保", { department: "632801民政局" }).hits.map((h) => h.instances.map((i) => i.code))).toEqual([["DB-4"]]);
    idx.upsert(county("DB-5", "632802", { type: "公共服务" }));
    expect(idx.search("低保", { type: "公共服务" }).hits.map((h) => h.code)).toEqual(["DB-5"]);
  });

  it("after random upserts and removals answers as a fresh build of the same items", () => {
    const names = ["驾驶证补领", "身份证换领", "营业执照注销", "户口迁移登记", "养老保险待遇申领", "公积金提取"];
    let seed = 5;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
    const make = (code: string): SearchItem => {
      const name = pick(names);
      return { code, name, aliases: rnd() < 0.3 ? [`${name.slice(0, 2)}办理`] : [], department: `${pick(regions)}局`, region: pick(regions), type: pick(["行政许可", "公共服务"]), text: `${name}的，到窗口办理。`, hasGuide: rnd() < 0.5 };
    };
    const live = new Map<string, SearchItem>();
    for (let i = 0; i < 120; i++) live.set(`I${i}`, make(`I${i}`));
    const idx = new SearchIndex();
    idx.rebuild([...live.values()]);
    for (let i = 0; i < 400; i++) {
      const code = `I${Math.floor(rnd() * 150)}`;
      if (rnd() < 0.3) {
        idx.remove(code);
        live.delete(code);
      } else {
        const it = make(code);
        idx.upsert(it);
        live.delete(code); // upsert moves the item to the end, as a fresh build in this order
        live.set(code, it);
      }
    }
    const fresh = new SearchIndex();
    fresh.rebuild([...live.values()]);
    expect(idx.stats()).toEqual(fresh.stats());
    // FlexSearch orders equal matches by insertion, and a title whose guide text changed was
    // re-inserted: the text rank of such ties (≤ 0.12 of a score) may differ from a fresh
    // build; what is found, how well its name matches and its instances may not.
    const view = (x: SearchIndex, q: string, o = {}) =>
      x.search(q, { limit: 20, ...o }).hits.map((h) => [h.name, h.coverage, h.instances.map((i) => i.code).sort()]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    for (const q of [...names, "驾驶办理", "身份证丢了", "营业执照", "公积金怎么取", "户口"]) {
      expect(view(idx, q), q).toEqual(view(fresh, q));
      expect(view(idx, q, { region: "632801" }), q).toEqual(view(fresh, q, { region: "632801" }));
      expect(view(idx, q, { type: "公共服务" }), q).toEqual(view(fresh, q, { type: "公共服务" }));
    }
  });

  it("indexes the title's guide text as the union of its members' lines", () => {
    const idx = new SearchIndex();
    idx.rebuild(base());
    const found = (q: string) => idx.search(q).hits.filter((h) => h.name === "城乡居民最低生活保障审核确认");
    expect(found("昆仑路政务大厅")).toEqual([]);
    // a county whose guide names its own window: the title is found by that line too
    idx.upsert(county("DB-4", "632801", { text: `${county("X", "").text}\n格尔木市昆仑路政务大厅二楼` }));
    expect(found("昆仑路政务大厅")).toHaveLength(1);
    expect(found("昆仑路政务大厅")[0]!.instances).toHaveLength(regions.length);
    expect(idx.search("昆仑路政务大厅", { region: "632801" }).hits[0]!.code).toBe("DB-4");
    // another county with only lines the title already has: its guide text is not indexed again
    const postings = idx.stats().postings;
    idx.upsert(county("DB-x", "632801", { department: "630102民政局" }));
    expect(idx.stats().postings).toBe(postings);
    // the county with the line leaves: the line leaves the title's text, the title stays
    idx.remove("DB-4");
    expect(found("昆仑路政务大厅")).toEqual([]);
    expect(found("低保申请")).toHaveLength(1);
    expect(idx.stats().postings).toBeLessThan(postings);
  });

  it("keeps codes listed twice in a rebuild as their later line", () => {
    const idx = new SearchIndex();
    idx.rebuild([...base(), county("DB-1", "630103", { name: "临时救助审核确认", aliases: [] })]);
    expect(idx.stats()).toMatchObject({ items: 9, titles: 4 });
    expect(idx.search("临时救助").hits[0]!.instances.map((i) => i.code)).toEqual(["DB-1"]);
  });
});
