/**
 * Search benchmark: a synthetic catalog of N items (default 100,000) whose names and texts are
 * drawn from the real vocabulary of the shipped guides and the Guang'an catalog; index build
 * time and heap; latency p50/p99 of colloquial questions (the eval question sets); and the
 * same questions through PostgreSQL (ILIKE over the question's words) as the baseline.
 *
 *   npx tsx --expose-gc bench/search.ts [--items 100000] [--queries 2000] [--pg-queries 200] [--no-pg]
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { FileCatalog } from "../src/search/file-catalog";
import { SearchIndex } from "../src/search/search-index";
import type { SearchItem } from "../src/search/ports";
import { words } from "../src/search/tokenizer";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg("items", 100_000);
const Q = arg("queries", 2000);
const PGQ = arg("pg-queries", 200);
const root = new URL("../", import.meta.url).pathname;
const gc = (globalThis as { gc?: () => void }).gc;

// Real vocabulary: words of guide names/aliases/texts and of the Guang'an item names.
const catalog = FileCatalog.load({ guidesDir: `${root}guides`, catalogFiles: [`${root}../shared/data/service-catalog-guangan.jsonl`] });
const real = await catalog.listSearchItems();
const nameVocab = [...new Set(real.flatMap((i) => [i.name, ...i.aliases].flatMap((s) => words(s))))];
const textVocab = [...new Set(real.flatMap((i) => words(`${i.text ?? ""} ${(i.faq ?? []).map((f) => `${f.q} ${f.a}`).join(" ")}`)))];
const departments = [...new Set(real.map((i) => i.department))];
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;

const items: SearchItem[] = [...real];
for (let i = items.length; i < N; i++) {
  const base = pick(real);
  // Half the names are variants of real names (a province repeats items per county), half new.
  const name = rnd() < 0.5 ? `${base.name}${pick(nameVocab)}` : Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(nameVocab)).join("");
  const text = Array.from({ length: 60 + Math.floor(rnd() * 60) }, () => pick(textVocab)).join("");
  items.push({ code: `SYN-${i}`, name, aliases: rnd() < 0.2 ? [pick(nameVocab) + pick(nameVocab)] : [], department: pick(departments), region: `63${String(Math.floor(rnd() * 40)).padStart(2, "0")}00`, type: "公共服务", text, hasGuide: rnd() < 0.1 });
}
const questions = ["eval/qa-dev.jsonl"].flatMap((f) =>
  readFileSync(`${root}${f}`, "utf8").split("\n").filter(Boolean).flatMap((l) => (JSON.parse(l) as { turns: { q: string }[] }).turns.map((t) => t.q)),
);
const avgText = items.reduce((a, i) => a + (i.text?.length ?? 0) + i.name.length, 0) / items.length;
console.log(`catalog: ${items.length} items (${real.length} real), vocabulary ${nameVocab.length} name words / ${textVocab.length} text words, ${avgText.toFixed(0)} chars/item; ${questions.length} distinct colloquial questions`);

gc?.(); gc?.();
const heap0 = process.memoryUsage().heapUsed;
const index = new SearchIndex();
let t0 = performance.now();
index.rebuild(items);
const buildMs = performance.now() - t0;
gc?.(); gc?.();
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
console.log(`build: ${(buildMs / 1000).toFixed(2)} s, heap +${heapMb.toFixed(0)} MB${gc ? "" : " (run with --expose-gc for a clean number)"}`);

const lat: number[] = [];
for (let i = 0; i < 50; i++) index.search(questions[i % questions.length]!); // warm-up
for (let i = 0; i < Q; i++) {
  const q = questions[i % questions.length]!;
  t0 = performance.now();
  index.search(q, { limit: 10 });
  lat.push(performance.now() - t0);
}
const pct = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]!;
const fs50 = pct(lat, 50);
const fs99 = pct(lat, 99);
console.log(`flexsearch: ${Q} queries, p50 ${fs50.toFixed(2)} ms, p99 ${fs99.toFixed(2)} ms, max ${Math.max(...lat).toFixed(1)} ms`);

t0 = performance.now();
index.upsert({ ...items[0]!, name: `${items[0]!.name}（更新）` });
index.remove(items[1]!.code);
console.log(`incremental: upsert+remove ${(performance.now() - t0).toFixed(1)} ms`);

if (!process.argv.includes("--no-pg")) await postgres();

async function postgres() {
  const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  const db = `bench_search_${process.pid}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const c = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:5432/${db}` });
  try {
    await c.connect();
    await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await c.query("CREATE TABLE items (code text PRIMARY KEY, name text, aliases text, text text)");
    for (let i = 0; i < items.length; i += 5000) {
      const chunk = items.slice(i, i + 5000);
      await c.query("INSERT INTO items SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])", [
        chunk.map((x) => x.code), chunk.map((x) => x.name), chunk.map((x) => x.aliases.join(" ")), chunk.map((x) => x.text ?? ""),
      ]);
    }
    t0 = performance.now();
    await c.query("CREATE INDEX items_name_trgm ON items USING gin (name gin_trgm_ops)");
    await c.query("CREATE INDEX items_text_trgm ON items USING gin (text gin_trgm_ops)");
    await c.query("ANALYZE items");
    console.log(`postgres: loaded ${items.length} rows, trigram indexes ${(performance.now() - t0) / 1000 | 0} s`);
    // Best effort SQL: any question word in name/aliases/text, ranked by how many words match in the name.
    const sql = `SELECT code, name FROM items WHERE name ILIKE ANY($1) OR aliases ILIKE ANY($1) OR text ILIKE ANY($1)
      ORDER BY (SELECT count(*) FROM unnest($1::text[]) p WHERE name ILIKE p) DESC LIMIT 10`;
    const pgLat: number[] = [];
    for (let i = 0; i < PGQ; i++) {
      const terms = words(questions[i % questions.length]!).filter((w) => w.length >= 2).map((w) => `%${w}%`);
      if (!terms.length) continue;
      t0 = performance.now();
      await c.query(sql, [terms]);
      pgLat.push(performance.now() - t0);
    }
    const p50 = pct(pgLat, 50);
    const p99 = pct(pgLat, 99);
    console.log(`postgres ILIKE: ${pgLat.length} queries, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    console.log(`ratio (postgres / flexsearch): p50 ${(p50 / fs50).toFixed(0)}×, p99 ${(p99 / fs99).toFixed(0)}×`);
  } finally {
    await c.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.end();
  }
}
