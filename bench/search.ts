/**
 * Search benchmark: a synthetic catalog of N items (default 100,000) whose names and texts are
 * drawn from the real vocabulary of the shipped guides and the Guang'an catalog; index build
 * time and memory; latency p50/p99 of colloquial questions (the eval question set); and the
 * same questions through PostgreSQL (ILIKE over the question's words) as the baseline, in the
 * same run, reported as ratios. Results: stdout summary + bench/results/search.json.
 *
 *   npm run bench:search -- [--items 100000] [--queries 2000] [--warmup 2000] [--corpus province|words]
 *                           [--pg-queries 200] [--pg-seconds 60] [--pg-trgm] [--no-pg] [--dump-top file]
 *
 * Corpora (both keep the 1,179 real items and draw everything else from their words):
 * - `province` (default): what issue 4 describes — a province lists the same item for every
 *   county. ~N/21 synthetic services, each listed in 1–60 regions (same name and guide text,
 *   region-specific department and location line). Service names splice a real name's leading
 *   words onto another real name's trailing words; guide lines splice real guide lines the
 *   same way, so word frequencies stay those of real guides (Zipf-like), not uniform.
 * - `words`: the earlier generator — half the names a real name plus one word, texts of 60–120
 *   words drawn uniformly from the guide vocabulary (no punctuation, every text unique). A
 *   worst case for segmentation (nothing repeats) and for posting-list length.
 *
 * The PostgreSQL side runs at most --pg-queries questions or --pg-seconds, whichever ends
 * first (a sequential ILIKE scan of 100k guide texts takes seconds per question); the
 * in-process side runs --queries. Both use the same question list from its start. Before the
 * measured queries, --warmup questions of the holdout sets (not measured, not the dev questions)
 * run right after the build; their latency is reported separately as "warm-up".
 *
 * Current results: titles (search-index.ts, since 2026-11-25). Items with the same name,
 * aliases and Tibetan name share one title; every FlexSearch field indexes each title once — the
 * guide text as the union of its members' distinct lines (a county's copy differs from the
 * others in its department and window line) — and a hit on a title stands for all its members.
 * Term selection and the 60-candidate cap still count items (a title counts its members); the
 * text rank of a title is where its first member would have stood in a list of items.
 * Province 100k: 6,025 titles, 0.79 M postings (was 12.5 M). 2 cores shared with other agents,
 * load average (1-minute) in the last column:
 *
 * | run (province 100k) | build | heap | warm-up p50 / p99 | p50 / p99 (max) | PG ILIKE p50 / p99 | ratio p50 / p99 | upsert/remove | load |
 * |---|---|---|---|---|---|---|---|---|
 * | 1 (--no-pg) | 5.2 s | 89 MB | 0.69 / 9.5 ms | 0.49 / 1.61 (4.6) ms | — | — | 1.09 ms | 2.8 |
 * | 2 (--no-pg) | 5.4 s | 89 MB | 0.78 / 12.8 ms | 0.54 / 1.99 (8.7) ms | — | — | 1.16 ms | 3.3 |
 * | 3 (--no-pg) | 5.3 s | 89 MB | 0.74 / 9.9 ms | 0.53 / 1.56 (5.4) ms | — | — | 1.19 ms | 3.4 |
 * | 4 (with PostgreSQL) | 7.9 s | 89 MB | 1.20 / 11.5 ms | 0.90 / 2.52 (18.0) ms | 2607 / 6261 ms (21 q) | 2907× / 2489× | 1.93 ms | 2.8 → 1.6 |
 * | 5 (--no-pg, 10 minutes later) | 5.1 s | 89 MB | 0.74 / 5.7 ms | 0.53 / 1.40 (2.4) ms | — | — | 1.14 ms | 2.9 |
 * | 6 (--no-pg) | 5.1 s | 89 MB | 0.82 / 5.3 ms | 0.57 / 1.55 (2.4) ms | — | — | 1.21 ms | 2.7 |
 * | before (1d38d03), same hour, same harness | 17.6 s | 309 MB | 3.34 / 13.9 ms | 2.46 / 7.38 (13.7) ms | — | — | 1.27 ms | 3.0 |
 * | with the start-up warm-up (SearchIndex.warmUp, 3000 generated questions, 2.1 s — what the service runs before it is ready; "warm-up" column = the first 2000 questions after it), quiet machine: | | | | | | | | |
 * | 7 (--no-pg) | 4.8 s | 89 MB | 0.73 / 4.63 ms | 0.59 / 1.56 (2.4) ms | — | — | 1.20 ms | 1.8 |
 * | 8 (--no-pg) | 4.8 s | 89 MB | 0.65 / 4.97 ms | 0.50 / 1.32 (2.0) ms | — | — | — | 1.6 |
 * | 9 (--no-pg) | 4.9 s | 89 MB | 0.89 / 4.89 ms | 0.54 / 1.45 (4.5) ms | — | — | — | 1.6 |
 * | 10 (with PostgreSQL) | 4.9 s | 89 MB | — / 1.92 ms | 0.55 / 1.59 (2.2) ms | 2621 / 6129 ms (21 q) | 4772× / 3858× | 1.13 ms | 2.0 → 1.4 |
 * | words 100k (--no-pg; 99,653 titles, nothing shared) | 101 s | 457 MB | 3.06 / 14.1 ms | 2.35 / 6.48 (14.1) ms | — | — | 1.33 ms | 1.5 → 3.4 |
 *
 * The words corpus gains nothing from titles and pays for them: +18 % memory (what the index
 * keeps to re-derive a title's guide text: the items' lines, the title records); build the same
 * (50k items, same hour, load 4–5: 27.9 s vs 31.2 s per item; the 100k build is jieba on 100k
 * unique texts, 49 s at load 1.2 before); p99 6.5 ms is over the target there (top 1/3/10
 * 164/182/198).
 *
 * Quality unchanged: eval dev 231/251, holdout 66/77, holdout2 105/118 before and after; the
 * hits (code, score, coverage, instances) of all eval questions of those three sets × 4 option
 * sets on the real catalog are identical to the per-item index (there 1,179 items make 1,169
 * titles); top 1/3/10 at 100k (printed as "quality") 171/192/200 as before. After updates,
 * hits differ from the per-item index only where a title now lists all its members as
 * instances, and in the order of equal matches (FlexSearch keeps insertion order, a title
 * keeps its first member's place and is re-inserted when its guide text changes).
 * The "warm-up" tail is the JIT, not the index: right after a build V8 compiles the query path
 * on background threads, which on 2 saturated cores take 4 ms scheduler ticks from the main
 * thread (slow queries came in steps of ~4 ms, most without a GC; a 0.5 ms busy loop in the
 * same process saw none). With `node --single-threaded` the same 2000 queries right after the
 * build had 20 instead of 199 over 5 ms. After 2000–3000 questions it is mostly gone (3–8 of the
 * next 2000 over 5 ms); before, this harness measured from the 51st question, so the earlier
 * p99s below include it.
 *
 * Steps (province 100k, one run each, load 3–6, measured 2026-11-25):
 * - Titles for name/alias/Tibetan only, guide text per item: name field 1.0 → 0.15 ms and
 *   3,277 → 198 postings per query, build 14 → 11 s, 309 → 256 MB; but the guide text stayed
 *   (0.4–0.7 ms, 5,918 postings per query) and was now the whole tail: the slowest questions
 *   (fastest of 7 repeats) took 2.5–2.8 ms in it, up to 4 ms in all. ~340 KB garbage a query.
 * - With a 60-*title* cap (instead of counting members) top 1/3/10 went 171/192/200 →
 *   166/190/204 (more distinct names compete in scoring): rejected, the cap counts items.
 * - Guide text as the union of the title's lines: text 5,918 → 318 postings a query, slowest
 *   question (fastest of 7) ~4 → 1.2 ms, ~230 KB garbage a query. Why it is more than 20× cheaper per
 *   query: FlexSearch's intersection counts ids in a plain object, which V8 keeps as a
 *   dictionary when ids are sparse — the same 6,000 postings intersect in 3.5 ms with ids up to
 *   100,000 and 1.0 ms with ids up to 6,000 (microbenchmark of `intersect`).
 * - Grouping builds only the `limit` hits; scoring splits concepts into characters once:
 *   197 KB a query, 27 → 23 scavenges per 2000 queries, p99 after warm-up 2.6–2.9 → 1.9 ms.
 * - Memory where nothing repeats (words corpus, 20k items): 87 MB per item, 128 MB with titles
 *   as first written, 101 MB after keeping the lines as the items' own strings, the line map
 *   only from a second member on, exact-size arrays.
 * - Not helping (tail not GC-bound any more): `--single-threaded-gc` p99 9.1 ms,
 *   `--max-semi-space-size=64` 11.1 ms, default 10.1 ms (load 4.3, 50-question warm-up).
 *
 * Earlier results (one FlexSearch document per item; 2 cores shared with other agents; load
 * average in brackets; ±20 % noise).
 * Candidate engine: FlexSearch 0.8.212, one `Index` per field (`tokenize: "strict"`,
 * `fastupdate: true`, resolution 9 names / 20 guide text, suggest-mode queries with the
 * de-duplicated tokens), each field tokenised once and handed to FlexSearch through `encode`:
 *
 * | corpus, items | build | heap | p50 / p99 | PG ILIKE p50 / p99 | ratio p50 / p99 | upsert/remove | load |
 * |---|---|---|---|---|---|---|---|
 * | province 100k (run 1) | 7.2 s | 309 MB | 20.1 / 42.7 ms | 1177 / 3023 ms (49 q) | 59× / 71× | 0.76 ms | 5.6 → 1.9 |
 * | province 100k (run 2, --no-pg) | 8.3 s | 309 MB | 20.1 / 43.8 ms | — | — | 0.70 ms | 1.1 |
 * | province 100k (run 3) | 8.8 s | 309 MB | 24.1 / 47.4 ms | 1573 / 4299 ms (35 q) | 65× / 91× | 0.79 ms | 1.6 → 1.1 |
 * | province 100k, `fastupdate: false` (--no-pg) | 7.8 s | 160 MB | 20.7 / 45.0 ms | — | — | 43.9 ms | 1.0 |
 * | province 100k, one `Document` (4 fields) | 8.2 s | 291 MB | 22.2 / 46.7 ms | — | — | 1.6 ms | 1.3 |
 * | words 100k (--no-pg) | 49.3 s | 388 MB | 24.0 / 45.8 ms | — | — | 0.66 ms | 1.2 → 1.1 |
 *
 * With query-term selection (search-index.ts `selectTerms`: a field's query leaves out terms in
 * more than 5 % of the items — single characters 0.2 %, at least 20 items — and walks at most
 * 7 % of the items' postings, rarest terms first; scoring unchanged):
 *
 * | corpus, items | build | heap | p50 / p99 | PG ILIKE p50 / p99 | ratio p50 / p99 | upsert/remove | load |
 * |---|---|---|---|---|---|---|---|
 * | province 100k, before (same day, --no-pg) | 12.7 s | 309 MB | 20.6 / 61.3 ms | — | — | 0.94 ms | 5.3 → 6.2 |
 * | province 100k (run 1) | 7.5 s | 309 MB | 1.51 / 6.20 ms | 1316 / 2465 ms (45 q) | 872× / 398× | 0.74 ms | 2.2 → 1.5 |
 * | province 100k (run 2, --no-pg) | 9.4 s | 309 MB | 1.27 / 5.44 ms | — | — | 0.76 ms | 1.3 |
 * | province 100k (runs 3–4, --no-pg) | — | — | 1.28 / 5.48, 1.25 / 4.88 ms | — | — | — | 2.3 |
 *
 * Steps (province 100k, --no-pg, one run each unless a range): terms ≤ 5 % only (all fields):
 * p50/p99 6.0 / 28 ms (load 7); + single characters ≤ 0.2 %: 1.5 / 10 ms (load 2.6); + posting
 * budget 10 %: 1.5–1.8 / 6.6–7.2 ms; budget 7 % (kept): 1.3–1.5 / 4.9–6.2 ms (load 1.3–2.3).
 * Rejected: all terms ≤ 1 % (p99 9 ms; dev 230, holdout 65), guide text ≤ 1 % (dev 230, holdout
 * 65), words ≤ 2 % (no faster), budget 5 % (p99 4.8 ms; holdout 65), `--max-semi-space-size=32`
 * (no change). What is left of the tail: the name field (~8k postings → 2 ms, more when a GC
 * lands in it) and guide text.
 * Staged retrieval, measured 2026-11-25 and rejected (province 100k, --no-pg, load 0.5–1.2;
 * this code as is measured p50/p99 1.84/6.38, 1.88/6.75, 1.66/6.13 ms the same hour, so the
 * 5 ms p99 isn't met reliably): name/alias words first, single characters only when the words
 * find < 20 (or < 60) items: eval unchanged, p99 5.84/5.73 ms (no gain), top 1/3/10 at 100k
 * 171/192/200 → 168/190/195. Guide text only when fewer than 3 (or 1) name/alias candidates
 * reach coverage ≥ 0.99 (scores the name/alias candidates first): eval and top-k unchanged,
 * p50/p99 2.09/6.70 and 1.59/6.03 ms (no gain: it rarely skips, and scores twice). A smaller
 * posting budget for names/aliases only (guide text stays 7 %): 5 % and 4 % keep every eval
 * turn but top 1/3/10 go 172/191/199 and 171/190/198 — rejected. Where the tail comes from
 * (node --trace-gc, same run): 92 scavenges in the 2050 queries (one per ~22 queries, ~0.8 MB
 * of garbage a query; not broken down, presumably mostly FlexSearch's suggest-mode intersection,
 * whose per-id count object and per-count arrays we can't reuse), each 2–5 ms, so ~4.5 % of
 * queries carry one; per-stage timers show the same question's name field at 1.4 ms in one
 * repeat and 4–5 ms in another, consistent with a scavenge landing there. `--max-semi-space-size=64`: 23 scavenges
 * (~3 ms each) but p99 still 6.1 ms (load 1.3), so the rest is the 2 shared cores.
 * Quality at 100k (bench --dump-top, expected dev item's name among the top hits, 236 turns):
 * top 1/3/10 before 167/189/195, now 171/192/200. The top-1 name equals the earlier top-1 for
 * 82 % of the questions (the rest not examined one by one).
 *
 * Option measurements (province 100k, 1000 queries, load ≈ 1): `fastupdate` costs +149 MB
 * (309 vs 160 MB: a reference per posting in the id register) and makes an upsert/remove
 * 0.7 ms instead of 44 ms (a scan of the whole index) — kept. A `Document` over the same four
 * fields measured the same (shares one register: −18 MB; queries ~10 % slower, updates 2×) —
 * one `Index` per field kept. Guide-text `resolution` 9 or 5 instead of 20: no faster, no
 * smaller, holdout 66 → 65/77 — kept 20. Query-time `resolution` 10/5 on guide text: p99
 * 41/35 ms, dev 231 → 230/251 — not used. `cache`: not used — FlexSearch 0.8.212 clears
 * cached results on remove but not on add (a new item would stay invisible to a cached
 * question), and this benchmark repeats 251 questions, so a cache would only flatter p50.
 *
 * Targets at 100k, with titles: build ≤ 10 s — met (5.1–7.9 s at load 1.6–3.4); ≥ 10× PostgreSQL
 * — met (2489–2907×); p99 ≤ 5 ms — met after warm-up (1.4–2.5 ms at load 1.6–3.4, p50 0.5–0.9
 * ms, 6 of 6 runs), not in the first 2000 questions after a build on this loaded machine
 * (5.3–12.8 ms, the JIT, see above). Per item, with term selection: build 7–9 s (12.7 s at load 5–6), 398–872×
 * PostgreSQL, p99 4.9–6.2 ms at load 1.3–2.3; without term selection p99 43–47 ms.
 * Where the time went per item (per-field timers, 2000 queries): ~40 % the name field (single-character
 * terms of `hybrid` match a large share of 100k names), ~50 % guide text, ~4 % aliases,
 * query analysis/scoring/grouping the rest.
 * Suggest mode can't use FlexSearch's limit fast path (it returns early only once `limit`
 * ids matched every term, which colloquial questions rarely do), so every posting of every
 * query term goes through `intersect()` (a count in a plain object and a push into a
 * per-count array): queries are ~10× slower than with the typed-array index this replaced.
 * History, postings.ts (typed-array reimplementation of the same candidate lists, commit
 * 4af9d18, replaced by FlexSearch again because the design names it): province 100k build
 * 5.2–8.6 s, 78 MB, p50 1.9–2.5 ms, p99 4.8–14 ms; words 100k build 23 s, 118 MB, p99 7.4–8.7 ms.
 * Before that, FlexSearch `Document` without the tokenise-once/memo work: words* 100k build
 * 172 s, 167 MB, p50/p99 42/305 ms (words* = the earlier generator whose LCG cycled).
 *
 * Same-data checks: `npm run eval:qa` dev 231/251 (92.0 %), holdout 66/77, holdout2 105/118,
 * holdout3 87/108 — identical with postings.ts and with FlexSearch, and again with term
 * selection (whose hits differ from the earlier FlexSearch ones at 100k, see above); and the hits (code, score,
 * instances) of all 554 eval questions × 4 option sets on the real catalog, before and after
 * 300 upserts/removes, are byte-identical between the two engines.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { FileCatalog } from "../src/search/file-catalog";
import { SearchIndex } from "../src/search/search-index";
import type { SearchItem } from "../src/search/ports";
import { cut, words } from "../src/search/tokenizer";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const argS = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const N = arg("items", 100_000);
const Q = arg("queries", 2000);
const WARMUP = arg("warmup", 2000);
const PGQ = arg("pg-queries", 200);
const PGS = arg("pg-seconds", 60);
const CORPUS = argS("corpus", "province");
const root = new URL("../", import.meta.url).pathname;
const gc = (globalThis as { gc?: () => void }).gc;
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

// Real vocabulary: words of guide names/aliases/texts and of the Guang'an item names.
const catalog = FileCatalog.load({ guidesDir: `${root}guides`, catalogFiles: [`${root}guides/samples/service-catalog-guangan.jsonl`] });
const real = await catalog.listSearchItems();
const departments = [...new Set(real.map((i) => i.department))];
let seed = 42;
// 32-bit LCG with Math.imul (the earlier `seed * 1103515245` lost precision in doubles and
// cycled after a few thousand draws, so the "100k" corpus repeated ~1.5k names and texts).
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;

const items: SearchItem[] = CORPUS === "words" ? wordSalad() : province();

function wordSalad(): SearchItem[] {
  const nameVocab = [...new Set(real.flatMap((i) => [i.name, ...i.aliases].flatMap((s) => words(s))))];
  const textVocab = [...new Set(real.flatMap((i) => words(`${i.text ?? ""} ${(i.faq ?? []).map((f) => `${f.q} ${f.a}`).join(" ")}`)))];
  const out: SearchItem[] = [...real];
  for (let i = out.length; i < N; i++) {
    const base = pick(real);
    const name = rnd() < 0.5 ? `${base.name}${pick(nameVocab)}` : Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(nameVocab)).join("");
    const text = Array.from({ length: 60 + Math.floor(rnd() * 60) }, () => pick(textVocab)).join("");
    out.push({ code: `SYN-${i}`, name, aliases: rnd() < 0.2 ? [pick(nameVocab) + pick(nameVocab)] : [], department: pick(departments), region: `63${String(Math.floor(rnd() * 40)).padStart(2, "0")}00`, type: "公共服务", text, hasGuide: rnd() < 0.1 });
  }
  return out;
}

function province(): SearchItem[] {
  // Word sequences (jieba `cut`, punctuation kept as its own piece) of real names and lines.
  const pieces = (s: string) => s.split(/([，。；：、（）()])/).flatMap((p) => (/^[，。；：、（）()]$/.test(p) ? [p] : cut(p)));
  const names = real.map((i) => pieces(i.name)).filter((w) => w.length >= 2);
  const lines = real
    .flatMap((i) => [...(i.text ?? "").split("\n"), ...(i.faq ?? []).flatMap((f) => [f.q, ...f.a.split(/[。；]/)])])
    .map(pieces)
    .filter((w) => w.length >= 3);
  const splice = (pool: string[][]) => {
    const a = pick(pool);
    const b = pick(pool);
    return [...a.slice(0, 1 + Math.floor(rnd() * (a.length - 1))), ...b.slice(1 + Math.floor(rnd() * (b.length - 1)))].join("");
  };
  const regions = ["西宁市", "城东区", "城中区", "城西区", "城北区", "湟中区", "大通县", "湟源县", "海东市", "乐都区", "平安区", "民和县", "互助县", "化隆县", "循化县", "门源县", "祁连县", "海晏县", "刚察县", "同仁市", "尖扎县", "泽库县", "河南县", "共和县", "同德县", "贵德县", "兴海县", "贵南县", "玛沁县", "班玛县", "甘德县", "达日县", "久治县", "玛多县", "玉树市", "杂多县", "称多县", "治多县", "囊谦县", "曲麻莱县", "德令哈市", "格尔木市", "茫崖市", "乌兰县", "都兰县", "天峻县", "大柴旦", "海北州", "海南州", "黄南州", "果洛州", "玉树州", "海西州", "青海省"];
  const deptBase = ["民政局", "人社局", "公安局", "市场监管局", "卫生健康局", "住建局", "交通运输局", "自然资源局", "医保局", "税务局", "教育局", "农业农村局", "生态环境局", "文旅局", "退役军人事务局", "残联"];
  const types = ["行政许可", "行政确认", "行政给付", "公共服务", "其他行政权力"];
  const out: SearchItem[] = [...real];
  for (let s = 0; out.length < N; s++) {
    const name = splice(names);
    const aliases = rnd() < 0.2 ? [splice(names).slice(0, 6)] : [];
    const text = Array.from({ length: 8 + Math.floor(rnd() * 7) }, () => splice(lines));
    const dept = pick(deptBase);
    const type = pick(types);
    const copies = 1 + Math.floor(rnd() ** 2 * 60);
    for (let c = 0; c < copies && out.length < N; c++) {
      const r = Math.floor(rnd() * regions.length);
      const place = regions[r]!;
      out.push({
        code: `SYN-${s}-${c}`,
        name,
        aliases,
        department: `${place}${dept}`,
        region: `63${String(r).padStart(2, "0")}00`,
        type,
        text: [...text, `${place}政务服务中心${dept.replace(/局$/, "")}窗口`].join("\n"),
        hasGuide: rnd() < 0.3,
      });
    }
  }
  return out;
}

const turnsOf = (file: string) =>
  readFileSync(`${root}eval/${file}`, "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((l) => (JSON.parse(l) as { turns: { q: string; item: string | null }[] }).turns);
const devTurns = turnsOf("qa-dev.jsonl");
const questions = devTurns.map((t) => t.q);
// Warm-up questions: other questions than the measured ones (the holdout sets), so nothing
// measured has been asked before.
const warmQuestions = [...turnsOf("qa-holdout.jsonl"), ...turnsOf("qa-holdout2.jsonl")].map((t) => t.q);
const avgText = items.reduce((a, i) => a + (i.text?.length ?? 0) + i.name.length, 0) / items.length;
const distinctNames = new Set(items.map((i) => i.name)).size;
console.log(`corpus ${CORPUS}: ${items.length} items (${real.length} real, ${distinctNames} distinct names), ${avgText.toFixed(0)} chars/item; ${questions.length} colloquial questions; load ${load()}`);

gc?.();
gc?.();
const mem0 = process.memoryUsage();
const index = new SearchIndex();
let t0 = performance.now();
index.rebuild(items);
const buildMs = performance.now() - t0;
gc?.();
gc?.();
const mem1 = process.memoryUsage();
const heapMb = (mem1.heapUsed - mem0.heapUsed) / 1e6;
const bufMb = (mem1.arrayBuffers - mem0.arrayBuffers) / 1e6;
const st = index.stats();
console.log(
  `build: ${(buildMs / 1000).toFixed(2)} s, memory +${(heapMb + bufMb).toFixed(0)} MB (JS heap ${heapMb.toFixed(0)} MB + typed arrays ${bufMb.toFixed(0)} MB)${gc ? "" : " (run with --expose-gc for a clean number)"}; ${st.titles} titles, ${st.postings} postings, ${st.terms} terms; load ${load()}`,
);

const pct = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]!;
// What a starting instance does before it reports ready (search capability): questions made
// from the index's own names, no question data.
const STARTUP_WARMUP = arg("startup-warmup", 3000);
const startupMs = STARTUP_WARMUP > 0 ? index.warmUp(STARTUP_WARMUP) : 0;
if (STARTUP_WARMUP > 0) console.log(`start-up warm-up (SearchIndex.warmUp, as the service does before it is ready): ${STARTUP_WARMUP} generated questions in ${(startupMs / 1000).toFixed(2)} s; load ${load()}`);
// Warm-up: the first queries after a build run while V8 still compiles the query path on a
// background thread, which on 2 busy cores takes CPU ticks (4 ms) from the main thread; a
// serving instance is past that after its first few thousand questions. Reported separately.
const cold: number[] = [];
for (let i = 0; i < WARMUP; i++) {
  t0 = performance.now();
  index.search(warmQuestions[i % warmQuestions.length]!, { limit: 10 });
  cold.push(performance.now() - t0);
}
if (cold.length) console.log(`first questions: ${cold.length} other questions right after the build${STARTUP_WARMUP > 0 ? " and the start-up warm-up" : ""}, p50 ${pct(cold, 50).toFixed(2)} ms, p99 ${pct(cold, 99).toFixed(2)} ms; load ${load()}`);

const lat: number[] = [];
const top10 = new Map<string, string[]>();
for (let i = 0; i < Q; i++) {
  const q = questions[i % questions.length]!;
  t0 = performance.now();
  const r = index.search(q, { limit: 10 });
  lat.push(performance.now() - t0);
  if (!top10.has(q)) top10.set(q, r.hits.map((h) => h.name));
}
const fs50 = pct(lat, 50);
const fs99 = pct(lat, 99);
console.log(`in-process: ${Q} queries, p50 ${fs50.toFixed(2)} ms, p99 ${fs99.toFixed(2)} ms, max ${Math.max(...lat).toFixed(1)} ms; load ${load()}`);
// Quality at this size: the expected item's name among the top hits of each dev turn that has one.
const nameOf = new Map(real.map((i) => [i.code, i.name]));
const expected = devTurns.filter((t) => t.item !== null);
const topK = [1, 3, 10].map((k) => expected.filter((t) => (top10.get(t.q) ?? []).slice(0, k).includes(nameOf.get(t.item!) ?? "\u0000")).length);
console.log(`quality: expected dev item's name in top 1/3/10: ${topK.join("/")} of ${expected.length}`);

const upd: number[] = [];
for (let i = 0; i < 200; i++) {
  const it = items[(i * 7919) % items.length]!;
  t0 = performance.now();
  if (i % 4 === 3) index.remove(it.code);
  else index.upsert({ ...it, name: `${it.name}（更新）`, text: `${it.text ?? ""}\n更新${i}` });
  upd.push(performance.now() - t0);
}
console.log(`incremental: 200 upserts/removes, mean ${(upd.reduce((a, b) => a + b, 0) / upd.length).toFixed(2)} ms, max ${Math.max(...upd).toFixed(1)} ms`);

let pgRes: { queries: number; p50: number; p99: number; overlap: number; loadS: number; trgm: boolean } | undefined;
if (!process.argv.includes("--no-pg")) pgRes = await postgres();

const targets = {
  buildS: { target: 10, value: buildMs / 1000, met: buildMs <= 10_000 },
  p99Ms: { target: 5, value: fs99, met: fs99 <= 5 },
  pgRatio: pgRes ? { target: 10, p50: pgRes.p50 / fs50, p99: pgRes.p99 / fs99, met: pgRes.p50 / fs50 >= 10 && pgRes.p99 / fs99 >= 10 } : null,
};
const yes = (b: boolean) => (b ? "yes" : "NO");
console.log("\n== summary ==");
console.log(`corpus ${CORPUS}, ${items.length} items, ${st.postings} postings; load average ${load()}`);
console.log(`build ${(buildMs / 1000).toFixed(2)} s (target ≤ 10 s: ${yes(targets.buildS.met)}), memory ${(heapMb + bufMb).toFixed(0)} MB`);
console.log(`in-process p50 ${fs50.toFixed(2)} ms, p99 ${fs99.toFixed(2)} ms (target p99 ≤ 5 ms: ${yes(targets.p99Ms.met)})${cold.length ? `; first ${cold.length} questions after start p99 ${pct(cold, 99).toFixed(2)} ms` : ""}`);
if (pgRes && targets.pgRatio) {
  console.log(`PostgreSQL ILIKE${pgRes.trgm ? " (+pg_trgm indexes)" : ""}: ${pgRes.queries} queries (in-process ran ${Q}), p50 ${pgRes.p50.toFixed(1)} ms, p99 ${pgRes.p99.toFixed(1)} ms`);
  console.log(`ratio PG / in-process: p50 ${targets.pgRatio.p50.toFixed(0)}×, p99 ${targets.pgRatio.p99.toFixed(0)}× (target ≥ 10×: ${yes(targets.pgRatio.met)}); top-10 overlap (item names) ${(pgRes.overlap * 100).toFixed(0)} %`);
} else console.log("PostgreSQL baseline skipped (--no-pg or unavailable)");

mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(
  `${root}bench/results/search.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      corpus: CORPUS,
      items: items.length,
      distinctNames,
      charsPerItem: Math.round(avgText),
      loadAverage: loadavg(),
      build: { seconds: buildMs / 1000, memoryMb: heapMb + bufMb, heapMb, typedArraysMb: bufMb, titles: st.titles, postings: st.postings, terms: st.terms },
      startupWarmup: { queries: STARTUP_WARMUP, ms: startupMs },
      firstQuestions: cold.length ? { queries: cold.length, p50Ms: pct(cold, 50), p99Ms: pct(cold, 99) } : null,
      inProcess: { queries: Q, p50Ms: fs50, p99Ms: fs99, maxMs: Math.max(...lat) },
      quality: { top1: topK[0], top3: topK[1], top10: topK[2], of: expected.length },
      incremental: { ops: upd.length, meanMs: upd.reduce((a, b) => a + b, 0) / upd.length, maxMs: Math.max(...upd) },
      postgres: pgRes ?? null,
      targets,
    },
    null,
    2,
  )}\n`,
);
console.log(`written bench/results/search.json`);
const dump = argS("dump-top", "");
if (dump) writeFileSync(dump, `${JSON.stringify(Object.fromEntries(top10), null, 1)}\n`);

async function postgres() {
  const admin = new pg.Client({ connectionString: process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`postgres: unavailable (${(e as Error).message})`);
    return undefined;
  }
  const db = `bench_search_${process.pid}`;
  await admin.query(`CREATE DATABASE ${db}`);
  const url = new URL(process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${db}`;
  const c = new pg.Client({ connectionString: url.toString() });
  const trgm = process.argv.includes("--pg-trgm");
  try {
    await c.connect();
    t0 = performance.now();
    await c.query("CREATE TABLE items (code text PRIMARY KEY, name text, aliases text, text text)");
    for (let i = 0; i < items.length; i += 5000) {
      const chunk = items.slice(i, i + 5000);
      await c.query("INSERT INTO items SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])", [
        chunk.map((x) => x.code),
        chunk.map((x) => x.name),
        chunk.map((x) => x.aliases.join(" ")),
        chunk.map((x) => [x.text ?? "", ...(x.faq ?? []).map((f) => f.q), x.department].join("\n")),
      ]);
    }
    if (trgm) {
      await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      await c.query("CREATE INDEX items_name_trgm ON items USING gin (name gin_trgm_ops)");
      await c.query("CREATE INDEX items_text_trgm ON items USING gin (text gin_trgm_ops)");
    }
    await c.query("ANALYZE items");
    const loadS = (performance.now() - t0) / 1000;
    console.log(`postgres: loaded ${items.length} rows${trgm ? " + trigram indexes" : ""} in ${loadS.toFixed(1)} s`);
    // Best-effort SQL: any question word in name/aliases/text, ranked by how many words match in the name.
    const sql = `SELECT code, name FROM items WHERE name ILIKE ANY($1) OR aliases ILIKE ANY($1) OR text ILIKE ANY($1)
      ORDER BY (SELECT count(*) FROM unnest($1::text[]) p WHERE name ILIKE p) DESC LIMIT 10`;
    const pgLat: number[] = [];
    let overlap = 0;
    const started = performance.now();
    for (let i = 0; i < PGQ && performance.now() - started < PGS * 1000; i++) {
      const q = questions[i % questions.length]!;
      const terms = words(q).filter((w) => w.length >= 2).map((w) => `%${w}%`);
      if (!terms.length) continue;
      t0 = performance.now();
      const r = await c.query<{ code: string; name: string }>(sql, [terms]);
      pgLat.push(performance.now() - t0);
      // Compare item names: the index folds an item's regional copies into one hit, PG does not.
      const mine = new Set(top10.get(q) ?? index.search(q, { limit: 10 }).hits.map((h) => h.name));
      const theirs = new Set(r.rows.map((x) => x.name));
      overlap += [...theirs].filter((n) => mine.has(n)).length / Math.max(1, Math.min(theirs.size, mine.size));
    }
    const res = { queries: pgLat.length, p50: pct(pgLat, 50), p99: pct(pgLat, 99), overlap: overlap / Math.max(1, pgLat.length), loadS, trgm };
    console.log(`postgres ILIKE: ${res.queries} queries in ${((performance.now() - started) / 1000).toFixed(0)} s, p50 ${res.p50.toFixed(1)} ms, p99 ${res.p99.toFixed(1)} ms; load ${load()}`);
    return res;
  } finally {
    await c.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.end();
  }
}
