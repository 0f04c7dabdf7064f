import { loadNearMissWords, normalize, type Concept } from "../search";
import type { ChatDeps } from "./deps";
import { abbreviatesName, guideText } from "./guide-mentions";
import { isKnownThing } from "./things";

/** The word lists of src/search/near-miss.yaml (staff-extendable data, beside the synonym table). */
const WORDS = loadNearMissWords();
const ENDING = new Set(WORDS.ending.map((w) => normalize(w)));
const REPLACE = WORDS.replace.map((w) => normalize(w));
const REPLACED_BY = [...REPLACE, ...WORDS.replacedBy.map((w) => normalize(w))];
const FOREIGN = WORDS.foreign.map((w) => normalize(w));
const EXCLUSIVE = WORDS.exclusive.map((group) => group.map((w) => normalize(w)));

/** Items an action's words appear in (丢了 → 补领: 29 of the shipped catalog) from which it needs an object. */
const GENERIC_ACTION_DF = 10;

/** What the question asks, as near-miss checks need it. */
export interface AskedThings {
  concepts: Concept[];
  unknown: string[];
}

/**
 * Another service than the one asked for, though it shares words with the question:
 * - the question asks to end, move or undo something (迁出, 注销, 解除, 转移) and the item's
 *   name and aliases name none of the question's words for that action;
 * - the question asks to replace a lost or damaged thing and the item's name and aliases name
 *   no replacement (出生证明丢了 is not 出生医学证明首次签发);
 * - the question is about a foreigner and the item's name and aliases name none;
 * - the question names one kind of an exclusive group (生产) and the item another (经营);
 * - the question names no thing the catalog knows, only one it has never seen (猫) with an
 *   action that fits many items, and the item's guide never mentions it — "我家猫丢了" shares 丢了 with every 补领 item and is about none.
 */
export async function isNearMiss(deps: ChatDeps, asked: AskedThings, code: string, followUp = false): Promise<boolean> {
  // A follow-up is about the item talked about ("账户会注销吗"); dialog rules judge topic changes.
  if (followUp) return false;
  const item = deps.search.get(code);
  const guide = await deps.catalog.getGuide(code);
  const name = item?.name ?? guide?.name ?? "";
  const names = normalize([name, ...(guide?.aliases ?? [])].join(" "));
  const ending = asked.concepts.filter((c) => c.kind === "action" && c.alternatives.some((a) => ENDING.has(a)));
  if (ending.some((c) => !c.alternatives.some((a) => names.includes(a)))) return true;
  const replace = asked.concepts.some((c) => c.kind === "action" && c.alternatives.some((a) => REPLACE.includes(a)));
  if (replace && !REPLACED_BY.some((w) => names.includes(w))) return true;
  // 出生证丢了 is not 预防接种证补办: the item replaces one of the things the question names.
  const objects = replace ? asked.concepts.filter((c) => c.kind === "object" && isKnownThing(c) && !c.place) : [];
  if (objects.length && !objects.some((c) => c.alternatives.some((a) => a.length >= 2 && names.includes(a)))) return true;
  // 生产烟花 is not 烟花爆竹经营: the item names another kind of the same group.
  const words = asked.concepts.flatMap((c) => (c.kind === "context" ? [] : c.alternatives));
  for (const group of EXCLUSIVE) {
    const wanted = group.filter((w) => words.some((a) => a.includes(w)));
    if (wanted.length && !wanted.some((w) => names.includes(w)) && group.some((w) => names.includes(w))) return true;
  }
  // 外国对象 结婚登记 is 涉外婚姻, not the item for two mainland residents.
  if (asked.concepts.some((c) => c.alternatives.some((a) => FOREIGN.includes(a))) && !FOREIGN.some((w) => names.includes(w))) return true;
  // Only an action that fits many items (丢了, 补办) needs its object named; 上牌 or 上户口 name it.
  // 献血证丢了 (献血 + 证): a certificate this item never mentions, whatever 证 matched.
  const text = guide ? guideText(guide) : names;
  if (asked.concepts.some((c) => !c.place && !c.fn && !c.synonym && namesCard(c, asked.concepts) && !text.includes(c.source) && !names.includes(c.source))) return true;
  if (asked.concepts.some((c) => (c.kind === "object" || c.kind === "noun") && (c.df ?? 1) > 0 && !c.place)) return false;
  if (asked.concepts.some((c) => c.kind === "action" && (c.df ?? 0) > 0 && (c.df ?? 0) < GENERIC_ACTION_DF)) return false;
  // The question names the item itself ("还能找人民调解吗"): a rare word of its name (three characters or more: 发车, 欠费 are too short to name one).
  if (asked.concepts.some((c) => c.kind !== "context" && [...c.source].length >= 3 && (c.df ?? 0) > 0 && (c.df ?? 0) < GENERIC_ACTION_DF && normalize(name).includes(c.source))) return false;
  const strangers = asked.concepts.filter((c) => c.kind === "noun" && c.df === 0 && !c.place && !c.fn && !c.synonym);
  if (!strangers.length) return false;
  return strangers.some((c) => !text.includes(c.source) && !abbreviatesName(c.source, name));
}

/** A word right before a one-character certificate word (献血 + 证, 会员 + 卡). */
function namesCard(c: Concept, all: Concept[]): boolean {
  return c.at !== undefined && all.some((o) => o.at === c.at! + c.source.length && /^[证卡本照牌]$/.test(o.source));
}
