import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { guideSchema } from "../../src/catalog";
import { formValues } from "../../src/console/guide-form/form-values";
import { parseGuideForm, yuanToFen } from "../../src/console/guide-form/parse-guide-form";

const root = path.resolve(import.meta.dirname, "../..");

/** The console's edit form holds every element of a guide and validates it as the importer does. */
describe("guide edit form", () => {
  it("round-trips every shipped guide through the form unchanged", () => {
    const dir = path.join(root, "guides");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const g = guideSchema.parse(parse(fs.readFileSync(path.join(dir, f), "utf8")));
      const r = parseGuideForm(formValues(g as unknown as Record<string, unknown>), g.code, { translations: g.translations });
      expect(r.errors, f).toEqual({});
      expect(r.guide, f).toEqual(g);
    }
  });

  it("drops blank rows, converts yuan to fen exactly, and puts errors on the form's own fields", () => {
    expect(yuanToFen("12.5")).toBe(1250);
    expect(yuanToFen("0.05")).toBe(5);
    expect(yuanToFen("12.345")).toBe("12.345");
    const r = parseGuideForm(
      {
        name: "测试事项", type: "行政许可", "authority.name": "某局", "basis.0.title": "某法", "procedure.0.step": "受理", "procedure.1.step": "",
        "timeLimit.statutory.value": "10", "timeLimit.statutory.unit": "工作日", "timeLimit.promised.value": "20", "timeLimit.promised.unit": "工作日",
        "fees.charged": "true", "fees.items.0.name": "工本费", "fees.items.0.amountYuan": "abc",
      },
      "T-1",
      {},
    );
    expect(r.guide).toBeUndefined();
    expect(Object.keys(r.errors)).toEqual(["fees.items.0.amountYuan"]);
    expect((r.input.procedure as unknown[]).length).toBe(1);
    // With the amount fixed, the importer's cross-field rule (promised ≤ statutory) speaks, on the promised field.
    const fixed = parseGuideForm(
      { name: "测试事项", type: "行政许可", "authority.name": "某局", "basis.0.title": "某法", "procedure.0.step": "受理", "timeLimit.statutory.value": "10", "timeLimit.statutory.unit": "工作日", "timeLimit.promised.value": "20", "timeLimit.promised.unit": "工作日", "fees.charged": "true", "fees.items.0.name": "工本费", "fees.items.0.amountYuan": "10" },
      "T-1",
      {},
    );
    expect(fixed.errors).toEqual({ "timeLimit.promised.value": "承诺时限不能超过法定时限" });
  });
});
