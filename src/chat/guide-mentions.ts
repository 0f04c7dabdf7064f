import { normalize, type Concept, type SearchHit } from "../search";
import type { ChatDeps } from "./deps";
import type { PublishedGuide } from "./ports";
import { escapeRegExp } from "../platform/regexp";

// What a hit's guide text says: the evidence understand.ts weighs beyond the search scores.

/** The item names the key thing (name/alias), or its guide text does. */
export function coversKey(deps: ChatDeps, hit: SearchHit, key: Concept): Promise<boolean> {
  return mentions(deps, hit, key.alternatives.filter((a) => a.length >= 2));
}

/** The item's name, or else its guide text, contains one of `words`. */
export async function mentions(deps: ChatDeps, hit: SearchHit, words: string[]): Promise<boolean> {
  if (words.some((a) => normalize(hit.name).includes(a))) return true;
  const g = await deps.catalog.getGuide(hit.code);
  return !!g && words.some((a) => guideText(g).includes(a));
}

/** The best guided hit's guide text mentions every unknown word (or an abbreviation of it). */
export async function mentionedByBest(deps: ChatDeps, hits: SearchHit[], unknown: string[]): Promise<boolean> {
  const best = hits.find((h) => h.hasGuide);
  if (!best || best.coverage < 0.3) return false;
  const g = await deps.catalog.getGuide(best.code);
  return !!g && unknown.every((u) => guideText(g).includes(u) || abbreviates(u, guideText(g)) || abbreviatesName(u, best.name));
}

/** A two-character short form of the item's own name (社团 = 社会团体): both characters in order, close together. */
export function abbreviatesName(word: string, name: string): boolean {
  const chars = [...word];
  return chars.length === 2 && new RegExp(`${chars[0]}[^（(]{1,2}${chars[1]}`, "u").test(normalize(name));
}

/**
 * A Chinese abbreviation keeps characters of the full name in order (车管所 = 车辆管理所, 社保局 =
 * 社会保险局): each character of the word within a few characters of the previous one.
 */
function abbreviates(word: string, text: string): boolean {
  const chars = [...word];
  if (chars.length < 3) return false;
  return new RegExp(chars.map(escapeRegExp).join("[^\\n，。；、]{0,3}"), "u").test(text);
}

/**
 * Words the guide text mentions count half: "车有抵押能过户吗" names 机动车转移登记 by 车/过户, and its
 * conditions mention 抵押, so it covers the whole question; 不动产抵押登记 covers only 抵押.
 * Adjusts coverage and score of the first few guided hits and re-sorts.
 */
export async function rerank(deps: ChatDeps, hits: SearchHit[], concepts: Concept[], unknown: string[]): Promise<SearchHit[]> {
  const significant = concepts.filter((c) => ((c.df ?? 0) > 0 || unknown.includes(c.source)) && ([...c.source].length >= 2 || c.synonym));
  if (!significant.length) return hits;
  const out = await Promise.all(
    hits.map(async (h, i) => {
      if (i >= 5 || !h.hasGuide || h.coverage < 0.3) return h;
      const g = await deps.catalog.getGuide(h.code);
      if (!g) return h;
      const text = guideText(g);
      const support = significant.filter((c) => c.alternatives.some((a) => a.length >= 2 && text.includes(a))).length / significant.length;
      const extra = 0.5 * Math.max(0, support - h.coverage);
      return extra > 0 ? { ...h, coverage: h.coverage + extra, score: h.score + extra } : h;
    }),
  );
  return out.sort((a, b) => b.score - a.score);
}

const textCache = new WeakMap<PublishedGuide, string>();
export function guideText(g: PublishedGuide): string {
  let t = textCache.get(g);
  if (t === undefined) {
    t = normalize([
      g.name, ...g.aliases, ...g.conditions, ...g.materials.map((m) => `${m.name}${m.note ?? ""}`),
      ...g.procedure.map((p) => `${p.step}${p.description ?? ""}`), ...g.basis.map((b) => `${b.title}${b.text ?? ""}`),
      ...g.faq.map((f) => `${f.q}${f.a}`), g.timeLimit.note ?? "", ...g.locations.map((l) => l.name), g.authority.name,
    ].join("\n"));
    textCache.set(g, t);
  }
  return t;
}
