/**
 * `npm run bench`: runs every benchmark in its own process, one after another (a 2-core
 * machine gives noisy numbers when they overlap). Each benchmark measures its own baseline in
 * the same run and reports ratios; each prints a summary and writes bench/results/<name>.json.
 * Pass names to run a subset: `npm run bench -- search`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? all.filter((n) => wanted.includes(n)) : all;
const tsx = path.resolve(dir, "../node_modules/.bin/tsx");

let failed = 0;
for (const name of names) {
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(tsx, ["--expose-gc", path.join(dir, `${name}.ts`)], { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
