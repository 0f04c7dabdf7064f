import { regionPrefix } from "../platform/region-codes";
import { normalize, words } from "../search";
import type { Aspect } from "./aspects";
import type { ChatDeps } from "./deps";

/** An office named by its kind: 税务局, 消防大队, 公证处, 法律援助中心, 农机站. */
const OFFICE = /\p{Script=Han}{1,12}?(?:局|中心|大队|支队|中队|处|所|站|院|委)(?![\p{Script=Han}]*(?:局|中心|大队|支队|中队|处|所|站|院|委))/u;
/** What one asks of an office itself: where it is, its phone, whether it is the one in charge. */
const OF_AN_OFFICE = new Set<Aspect>(["locations", "contact", "authority"]);

/**
 * "尖扎消防大队在哪", "河南县税务局电话多少": a question about an office rather than a service.
 * The office is the department of published guides whose name holds the words of the office
 * named (消防 and 大队 in 尖扎县消防救援大队), in the citizen's region when one is known (by its
 * guides' region code); one office found → one of its guides, which gives its address, phone
 * and name. Several → none (not a guess). `only`: the question names nothing but the office.
 *
 * `rest` is the question as read (aspect cues and places taken out).
 */
export function guideOfNamedOffice(deps: ChatDeps, rest: string, aspect: Aspect, region?: string): { code: string; only: boolean } | undefined {
  if (!OF_AN_OFFICE.has(aspect)) return undefined;
  const q = normalize(rest);
  const named = OFFICE.exec(q);
  if (!named) return undefined;
  // The office's own words, smallest pieces (消防 and 大队, not 消防大队): the last two.
  const pieces = (s: string) => {
    const ws = words(s.replace(/^[县州市区省]/u, "")).filter((w) => [...w].length >= 2);
    return ws.filter((w) => !ws.some((o) => o !== w && w.includes(o)));
  };
  const all = pieces(named[0]);
  const own = all.slice(-2);
  if (!own.length) return undefined;
  const offices = [...deps.search.guidesByOffice()].filter(([d]) => own.every((w) => normalize(d).includes(w)));
  const area = region && regionPrefix(region);
  const inPlace = area ? offices.filter(([, codes]) => codes.some((c) => deps.search.get(c)?.region?.startsWith(area))) : [];
  const found = inPlace.length ? inPlace : offices;
  if (found.length !== 1) return undefined;
  const others = pieces(q.slice(0, named.index) + " " + q.slice(named.index + named[0].length));
  return { code: found[0]![1][0]!, only: all.length === own.length && others.length === 0 };
}
