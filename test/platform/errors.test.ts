import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError, defineErrors } from "../../src/platform/errors";
import { createTemplates } from "../../src/platform/templates";

const src = path.resolve(import.meta.dirname, "../../src");

/** Every `defineErrors("<capability>", { code: "kind", … })` in src/<capability>/errors.ts. */
function declaredErrors(): { capability: string; codes: string[] }[] {
  return fs
    .readdirSync(src)
    .filter((d) => fs.existsSync(path.join(src, d, "errors.ts")) && d !== "platform")
    .map((d) => {
      const text = fs.readFileSync(path.join(src, d, "errors.ts"), "utf8");
      const m = /defineErrors\("([\w-]+)",\s*\{([\s\S]*?)\}\s*\)/.exec(text);
      if (!m) throw new Error(`src/${d}/errors.ts declares no defineErrors(...)`);
      return { capability: m[1]!, codes: [...m[2]!.matchAll(/^\s*([a-z0-9_]+):/gm)].map((x) => x[1]!) };
    });
}

describe("capability errors", () => {
  it("carry a domain code, their kind's status and the templated message", () => {
    const errors = defineErrors("complaints", { ticket_not_found: "not_found" });
    const e = errors("ticket_not_found", { ticket: "QH20261207000001" });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("not_found");
    expect(e.status).toBe(404);
    expect(e.publicCode).toBe("ticket_not_found");
    expect(e.message).toContain("QH20261207000001");
    // The platform's own errors are named by their kind.
    expect(new AppError("rate_limited", "slow down").publicCode).toBe("rate_limited");
  });

  it("have a message template for every declared code, in every capability", () => {
    const templates = createTemplates();
    const declared = declaredErrors();
    expect(declared.length).toBeGreaterThanOrEqual(6);
    const missing = declared.flatMap(({ capability, codes }) => codes.filter((c) => !templates.has(capability, "zh", `errors.${c}`)).map((c) => `${capability}: errors.${c}`));
    expect(missing).toEqual([]);
    expect(declared.flatMap((d) => d.codes).length).toBeGreaterThan(50);
  });

  it("use each domain code once across the service, so a client can tell them apart", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { capability, codes } of declaredErrors()) {
      for (const c of codes) {
        if (seen.has(c)) twice.push(`${c} (${seen.get(c)} and ${capability})`);
        seen.set(c, capability);
      }
    }
    expect(twice).toEqual([]);
  });
});
