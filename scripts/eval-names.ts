/**
 * Names-only catalog evaluation (issue 20): a county's item list with names and departments
 * only (no guide text), searched with the words residents use. A query is right at k when an
 * expected item is among the first k hits.
 *
 *   npm run eval:names -- queries.jsonl [--catalog list.jsonl] [--quiet]
 *
 * queries.jsonl: {"q": "...", "item_code": "..."} or {"q": "...", "item_codes": ["...", ...]}.
 * The catalog defaults to the Guang'an sample list shipped with the guides.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileCatalog, SearchIndex } from "../src/search";

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith("--") && !["--catalog"].includes(args[i - 1] ?? ""));
if (!file) throw new Error("usage: npm run eval:names -- queries.jsonl [--catalog list.jsonl]");
const root = new URL("../", import.meta.url).pathname;
const catalogFile =
  valueOf("--catalog") ??
  [`${root}guides/samples/service-catalog-guangan.jsonl`, `${root}guides/catalog/service-catalog-guangan.jsonl`].find((f) => existsSync(f))!;

// Names only: an empty guides folder, so no guide text, aliases or FAQ help the search.
const catalog = FileCatalog.load({ guidesDir: mkdtempSync(join(tmpdir(), "zw-names-")), catalogFiles: [catalogFile] });
const search = new SearchIndex();
search.rebuild(await catalog.listSearchItems());

interface Query { q: string; item_code?: string; item_codes?: string[] }
const queries = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Query);
const at = { 1: 0, 3: 0, 10: 0 };
const misses: string[] = [];
for (const query of queries) {
  const expected = new Set(query.item_codes ?? [query.item_code!]);
  for (const code of expected) if (!search.has(code)) throw new Error(`${file}: unknown item ${code}`);
  const hits = search.search(query.q, { limit: 10 }).hits;
  const rank = hits.findIndex((h) => h.instances.some((i) => expected.has(i.code)) || expected.has(h.code));
  for (const k of [1, 3, 10] as const) if (rank >= 0 && rank < k) at[k]++;
  if (rank < 0 || rank >= 3) misses.push(`“${query.q}” expected ${[...expected].map((c) => search.get(c)?.name).join(" / ")} — got ${hits.slice(0, 3).map((h) => h.name).join(" | ") || "nothing"}`);
}
const pct = (n: number) => `${((100 * n) / Math.max(queries.length, 1)).toFixed(1)}%`;
console.log(`${file}: ${queries.length} queries over ${search.size} names-only items: top 1 ${at[1]} (${pct(at[1])}), top 3 ${at[3]} (${pct(at[3])}), top 10 ${at[10]} (${pct(at[10])})`);
if (!args.includes("--quiet") && misses.length) console.log(`\nnot in the top 3:\n  ${misses.join("\n  ")}`);
