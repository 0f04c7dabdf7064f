import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogLineSchema, guideSchema } from "../../src/catalog";
import { readGuideFile } from "../../src/catalog/import/read-guide-file";
import { guideSections } from "../../src/catalog/page/sections";
import { safeHref } from "../../src/platform/html";

const fixture = new URL("./fixtures/guides/full-guide.yaml", import.meta.url).pathname;
const HOSTILE = ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "tel:0000"];

/** Links on pages come from data (guides, the catalog list): only http(s) ones may be links. */
describe("links in pages", () => {
  it("refuses a guide whose online.url is not http(s), naming the field and line (the schema accepted javascript: before)", () => {
    const source = fs.readFileSync(fixture, "utf8");
    expect(readGuideFile("ok.yaml", source).ok).toBe(true);
    for (const url of HOSTILE) {
      const r = readGuideFile("bad.yaml", source.replace("https://www.qhzwfw.gov.cn/test", url));
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.problems[0], url).toMatchObject({ field: "online.url", message: "must be an http(s) URL" });
    }
  });

  it("refuses a catalog-list line whose link is not http(s)", () => {
    const line = { item_code: "X-1", item_name: "事项", department: "某局" };
    expect(catalogLineSchema.safeParse({ ...line, link: "http://zwfw.sc.gov.cn/x" }).success).toBe(true);
    for (const link of HOSTILE) expect(catalogLineSchema.safeParse({ ...line, link }).success, link).toBe(false);
  });

  it("renders a stored non-http(s) URL as text, never as an href (content saved before the rule)", () => {
    const r = readGuideFile("ok.yaml", fs.readFileSync(fixture, "utf8"));
    if (!r.ok) throw new Error("fixture invalid");
    const guide = guideSchema.parse(r.guide);
    const page = (url: string) => guideSections({ ...guide, online: { available: true, url } }, "zh").join("");
    expect(page("https://www.qhzwfw.gov.cn/test")).toContain('<a href="https://www.qhzwfw.gov.cn/test" rel="noopener">');
    for (const url of HOSTILE) {
      const html = page(url);
      expect(html, url).not.toMatch(/href="(javascript|data|vbscript|tel:0000)/i);
      expect(html, url).not.toContain("<script>");
    }
    expect(safeHref("https://a.example/x")).toBe("https://a.example/x");
    for (const url of [...HOSTILE, "", "not a url", undefined, null]) expect(safeHref(url), String(url)).toBeUndefined();
  });
});
