/**
 * `npm run bench`: runs every benchmark in its own process, one after another (a 2-core
 * machine gives noisy numbers when they overlap). Each benchmark measures its own baseline in
 * the same run and reports ratios; each prints a summary and writes bench/results/<name>.json.
 * Pass names to run a subset: `npm run bench -- search`; other arguments go to each benchmark.
 *
 * Each benchmark is bundled first (scripts/build.ts, as `npm start` bundles the service) and
 * run with plain Node, so what is measured is the code as production runs it. What a
 * benchmark starts as processes of its own (bench/lib: the message endpoint's servers) is
 * bundled too, into bench/dist/lib; shared code the benchmarks import is in bench/support.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bundle } from "../scripts/build";

const dir = import.meta.dirname;
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? all.filter((n) => wanted.includes(n)) : all;

for (const f of fs.readdirSync(path.join(dir, "lib")).filter((f) => f.endsWith(".ts"))) {
  await bundle(path.join(dir, "lib", f), path.join(dir, "dist", "lib", f.replace(/\.ts$/, ".mjs")));
}

let failed = 0;
for (const name of names) {
  console.log(`\n=== bench: ${name} ===`);
  const built = path.join(dir, "dist", `${name}.mjs`);
  await bundle(path.join(dir, `${name}.ts`), built);
  const r = spawnSync(process.execPath, ["--expose-gc", "--enable-source-maps", built, ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
