import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const config = createRequire(import.meta.url)(path.join(root, ".dependency-cruiser.cjs"));

async function violations(cwd: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const result = await cruise(["src"], { validate: true, ruleSet: { forbidden: config.forbidden }, ...config.options, tsConfig: undefined });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(previous);
  }
}

/** The arrows between folders (README, "Architecture"), as CI checks them with `npm run depcheck`. */
describe("dependency rules", () => {
  it("catch a cycle, a bypass of another capability's index.ts, and infrastructure importing a capability", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-deps-"));
    const file = (p: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    };
    file("src/alpha/index.ts", 'export { a } from "./a";\n');
    file("src/alpha/a.ts", 'import { b } from "./b";\nexport const a = () => b();\n');
    file("src/alpha/b.ts", 'import { a } from "./a";\nexport const b = () => a;\n');
    file("src/beta/index.ts", 'import { a } from "../alpha";\nimport { b } from "../alpha/b";\nexport const c = [a, b];\n');
    file("src/platform/x.ts", 'import { c } from "../beta";\nexport const x = c;\n');
    try {
      const found = await violations(dir);
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^no-cycles: src\/alpha\/(a|b)\.ts/),
          "capability-through-index: src/beta/index.ts → src/alpha/b.ts",
          "infrastructure-knows-no-capability: src/platform/x.ts → src/beta/index.ts",
        ]),
      );
      expect(found.some((v) => v.includes("src/beta/index.ts → src/alpha/index.ts"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("hold for the service's own src/", async () => {
    expect(await violations(root)).toEqual([]);
  });
});
