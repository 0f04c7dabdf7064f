/**
 * Question-answering evaluation: every conversation of a .jsonl question set goes through
 * handleMessage with the file-backed catalog — guides/ plus the Guang'an catalog list of
 * guides/samples/ as catalog-only items, standing in for the province's own list at production
 * scale (the figures in the README); `--guides-only`: the 44 guides alone, as a fresh start
 * serves them before a province imports its list — and an
 * in-memory store. A turn is correct when the reply names the expected item and aspect and
 * quotes `fact`; for item:null the reply must be the not-found answer.
 *
 *   npm run eval:qa -- [file] [--quiet] [--all] [--guides-only] [--guides dir]   (default eval/qa-dev.jsonl)
 *
 * `--all` lists every turn with its outcome, not only the failures.
 *
 * `--guides dir` adds the guides of a fresh evaluation set (guides the assistant was never tuned
 * on) to the shipped ones. Out-of-catalog turns (item:null) answered as an item are reported as
 * false confidence: a citizen sent to the wrong window is the worst outcome.
 */
import { readFileSync } from "node:fs";
import { MemoryStore } from "../src/platform/store";
import { FileCatalog } from "../src/search/file-catalog";
import { SearchIndex } from "../src/search/search-index";
import { handleMessage } from "../src/chat/handle-message";
import { MemoryQuestionLog } from "../src/chat/question-log";
import { t } from "../src/chat/render";
import type { ChatDeps } from "../src/chat/deps";
import { progressBar } from "../src/platform/progress-bar";

interface Turn { q: string; item: string | null; aspect: string | null; fact?: string }
interface Conversation { id: string; lang?: "zh" | "bo"; turns: Turn[] }

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--guides") ?? "eval/qa-dev.jsonl";
const quiet = args.includes("--quiet");
const listAll = args.includes("--all");
const extraGuides = args.includes("--guides") ? args[args.indexOf("--guides") + 1] : undefined;
const root = new URL("../", import.meta.url).pathname;

const catalogFiles = args.includes("--guides-only") ? [] : [`${root}guides/samples/service-catalog-guangan.jsonl`];
const catalog = FileCatalog.load({ guidesDir: `${root}guides`, catalogFiles });
if (extraGuides) {
  const extra = FileCatalog.load({ guidesDir: extraGuides, strict: true });
  for (const code of extra.guideCodes()) catalog.publish((await extra.getGuide(code))!);
}
if (catalog.errors.length) console.warn(`skipped ${catalog.errors.length} invalid guide file(s):\n  ${catalog.errors.join("\n  ")}`);
const search = new SearchIndex();
search.rebuild(await catalog.listSearchItems());
const questionLog = new MemoryQuestionLog();
const deps: ChatDeps = {
  catalog,
  search,
  store: new MemoryStore(),
  questionLog,
  config: { PUBLIC_BASE_URL: "https://zwfw.example.cn", HOTLINE: "12345" },
  onError: (e) => console.error(e),
};
const notFoundPrefix = (lang: "zh" | "bo") => t(lang, "not_found", { question: "\u0000" }).split("\u0000")[0]!;

const convs = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Conversation);
type Kind = "ok" | "wrong_item" | "asked_to_choose" | "said_not_found" | "answered_out_of_catalog" | "wrong_aspect" | "missing_fact";
const byAspect = new Map<string, { n: number; ok: number }>();
const byKind = new Map<Kind, number>();
const failures: string[] = [];
let total = 0;
let ok = 0;
const started = performance.now();
const bar = progressBar("turns", convs.reduce((n, c) => n + c.turns.length, 0));

for (const c of convs) {
  for (const [i, turn] of c.turns.entries()) {
    const reply = await handleMessage(deps, { kind: "text", channel: "api", userId: `eval-${c.id}`, text: turn.q, lang: c.lang, receivedAt: new Date() });
    const text = reply.kind === "text" ? reply.text : "";
    const itemCode = reply.kind === "text" ? (reply.itemCode ?? null) : null;
    const aspect = reply.kind === "text" ? (reply.aspect ?? null) : null;
    const lang = c.lang ?? (/[\u0F00-\u0FFF]/.test(turn.q) ? "bo" : "zh");
    let kind: Kind;
    if (turn.item === null) kind = itemCode === null && text.startsWith(notFoundPrefix(lang)) ? "ok" : "answered_out_of_catalog";
    else if (itemCode === turn.item) kind = aspect !== turn.aspect ? "wrong_aspect" : turn.fact && !text.includes(turn.fact) ? "missing_fact" : "ok";
    else if (itemCode) kind = "wrong_item";
    else kind = text.startsWith(notFoundPrefix(lang)) ? "said_not_found" : "asked_to_choose";
    total++;
    bar.update(total);
    if (kind === "ok") ok++;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    const aspectKey = turn.item === null ? "(not found)" : (turn.aspect ?? "(none)");
    const a = byAspect.get(aspectKey) ?? { n: 0, ok: 0 };
    a.n++;
    if (kind === "ok") a.ok++;
    byAspect.set(aspectKey, a);
    if (kind !== "ok" || listAll) {
      failures.push(`${c.id}#${i + 1} ${kind}: “${turn.q}” expected ${turn.item ?? "not found"}/${turn.aspect}${turn.fact ? ` “${turn.fact}”` : ""} — got ${itemCode ?? "-"}/${aspect ?? "-"}: ${text.replace(/\n/g, " ⏎ ").slice(0, 140)}`);
    }
  }
}

bar.stop();
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
console.log(`\n${file}: ${ok}/${total} turns correct (${pct(ok, total)}), ${convs.length} conversations, ${catalog.guideCodes().length} guides + catalog-only items = ${search.size} indexed, ${((performance.now() - started) / total).toFixed(1)} ms/turn`);
console.log("\nby aspect:");
for (const [k, v] of [...byAspect].sort()) console.log(`  ${k.padEnd(11)} ${String(v.ok).padStart(3)}/${String(v.n).padEnd(3)} ${pct(v.ok, v.n)}`);
const outside = [...byAspect].find(([k]) => k === "(not found)")?.[1];
if (outside) console.log(`\nout-of-catalog questions answered as if an item matched (false confidence): ${outside.n - outside.ok}/${outside.n}`);
console.log("\nby outcome:");
for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${v}`);
if (!quiet && failures.length) console.log(`\n${listAll ? "turns" : "failures"}:\n  ${failures.join("\n  ")}`);
process.exitCode = ok / Math.max(total, 1) >= 0.9 ? 0 : 1;
