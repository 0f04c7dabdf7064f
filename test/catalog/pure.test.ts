import { describe, expect, it } from "vitest";
import { diffJson } from "../../src/catalog/guide-diff";
import { assertTransition, canTransition } from "../../src/catalog/draft-status";
import { readGuideFile } from "../../src/catalog/import/read-guide-file";
import { translateGuide } from "../../src/catalog/translate";
import { contentHash } from "../../src/catalog/content-hash";
import { esc } from "../../src/platform/html";
import { yuanText } from "../../src/catalog/page/format";
import { normalizeQuestion } from "../../src/catalog/questions/normalize-question";

const fixture = new URL("./fixtures/guides/full-guide.yaml", import.meta.url).pathname;

describe("guide files", () => {
  it("names the field and YAML line of an invalid value", () => {
    const r = readGuideFile("x.yaml", "code: A\nname: n\ntype: 行政确认\nauthority: { name: a }\nbasis: [{ title: t }]\nprocedure:\n  - { step: s }\ntimeLimit:\n  statutory: { value: 1, unit: 工作日 }\n  promised: { value: 1, unit: 工作日 }\nfees: { charged: false }\nmaterials:\n  - { name: m, form: 传真件 }\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ file: "x.yaml", field: "materials.0.form", line: 13 })]);
  });

  it("points an unknown key (a typo) at its own line", () => {
    const r = readGuideFile("t.yaml", "code: A\nname: n\ntype: 行政确认\nauthority: { name: a }\nbasis: [{ title: t }]\nprocedure: [{ step: s }]\ntimeLimit:\n  statutory: { value: 1, unit: 工作日 }\n  promised: { value: 1, unit: 工作日 }\nfees: { charged: false }\nconditons: [x]\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ field: "conditons", line: 11, message: 'unknown key "conditons"' });
  });

  it("reports a missing required key at the parent's line, and YAML syntax errors with a line", () => {
    const missing = readGuideFile("m.yaml", "code: A\nname: n\n");
    expect(!missing.ok && missing.problems.map((p) => p.field)).toContain("type");
    const syntax = readGuideFile("s.yaml", "code: A\nname: [unclosed\n");
    expect(!syntax.ok && syntax.problems[0]?.line).toBeGreaterThan(0);
  });

  it("gives the same content hash whatever the key order", () => {
    expect(contentHash({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(contentHash({ b: [{ d: 3, c: 2 }], a: 1 }));
  });
});

describe("field-level diff", () => {
  it("lists changed, added and removed leaves by path", () => {
    const before = { name: "a", materials: [{ name: "x" }, { name: "y" }], fees: { charged: false } };
    const after = { name: "b", materials: [{ name: "x" }], fees: { charged: false }, faq: [{ q: "q" }] };
    expect(diffJson(before, after)).toEqual([
      { path: "faq", after: [{ q: "q" }] },
      { path: "materials.1", before: { name: "y" } },
      { path: "name", before: "a", after: "b" },
    ]);
  });
});

describe("draft workflow", () => {
  it("goes draft → in_review → published | rejected, and back to draft on the next edit", () => {
    expect(canTransition("draft", "in_review")).toBe(true);
    expect(canTransition("in_review", "published")).toBe(true);
    expect(canTransition("in_review", "rejected")).toBe(true);
    expect(canTransition("published", "draft")).toBe(true);
    expect(canTransition("draft", "published")).toBe(false);
    expect(() => assertTransition("in_review", "draft")).toThrow(/不能变为“draft”/);
  });
});

describe("translation", () => {
  it("uses the Tibetan name and keeps Chinese for untranslated fields", () => {
    const r = readGuideFile(fixture);
    if (!r.ok) throw new Error("fixture invalid");
    const { guide, translated } = translateGuide(r.guide, "bo");
    expect(guide.name).toBe("དམངས་ཁྲོད་ཐོབ་ཐང་ལག་ཁྱེར་བརྗེ་ལེན།");
    expect(guide.conditions).toEqual(r.guide.conditions);
    expect(translated).toEqual(["name"]);
  });
});

describe("text helpers", () => {
  it("escapes HTML, formats fen as yuan, normalises questions", () => {
    expect(esc(`<a href="x">'&`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;");
    expect(yuanText(2000, "zh")).toBe("20元");
    expect(yuanText(1250, "zh")).toBe("12.5元");
    expect(normalizeQuestion(" 身份证 怎么办？ ")).toBe(normalizeQuestion("身份证怎么办?"));
  });
});
