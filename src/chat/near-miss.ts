import { loadNearMissWords, normalize, type Concept } from "../search";
import type { ChatDeps } from "./deps";
import { abbreviatesName, guideText } from "./guide-mentions";
import { isFragment, isKnownThing } from "./things";

/** The word lists of src/search/near-miss.yaml (staff-extendable data, beside the synonym table). */
const WORDS = loadNearMissWords();
const ENDING = new Set(WORDS.ending.map((w) => normalize(w)));
const REPLACE = WORDS.replace.map((w) => normalize(w));
const REPLACED_BY = [...REPLACE, ...WORDS.replacedBy.map((w) => normalize(w))];
const FOREIGN = WORDS.foreign.map((w) => normalize(w));
const EXCLUSIVE = WORDS.exclusive.map((group) => group.map((w) => normalize(w)));
/** What one member of a family of items does to the thing the others issue (歇业, 延续): same-office.ts. */
export const VARIANTS = WORDS.variants.map((w) => normalize(w));

/** Items an action's words appear in (丢了 → 补领: 29 of the shipped catalog) from which it needs an object. */
const GENERIC_ACTION_DF = 10;

/** What the question asks, as near-miss checks need it. */
export interface AskedThings {
  concepts: Concept[];
  unknown: string[];
  /** The question as searched (normalised). */
  text?: string;
}

/** The item as the rules see it: its name, its names (name and aliases, normalised) and its guide's text. */
interface Item {
  name: string;
  names: string;
  text: string;
}

/** A rule's verdict: a near miss, certainly not one (later rules are not asked), or no opinion. */
type Verdict = "near miss" | "not a near miss" | undefined;
type Rule = (asked: Concept[], item: Item, text: string) => Verdict;

/**
 * Another service than the one asked for, though it shares words with the question: the rules
 * below, in order, the first with an opinion deciding. A follow-up is about the item talked
 * about ("账户会注销吗"): dialog rules judge topic changes, not these.
 */
export async function isNearMiss(deps: ChatDeps, asked: AskedThings, code: string, followUp = false): Promise<boolean> {
  if (followUp) return false;
  const guide = await deps.catalog.getGuide(code);
  const name = deps.search.get(code)?.name ?? guide?.name ?? "";
  const names = normalize([name, ...(guide?.aliases ?? [])].join(" "));
  const item: Item = { name, names, text: guide ? guideText(guide) : names };
  for (const rule of RULES) {
    const verdict = rule(asked.concepts, item, asked.text ?? "");
    if (verdict) return verdict === "near miss";
  }
  return false;
}

const has = (item: Item, words: string[]) => words.some((w) => w.length >= 2 && item.names.includes(w));
const asksReplacement = (asked: Concept[]) => asked.some((c) => c.kind === "action" && c.alternatives.some((a) => REPLACE.includes(a)));

/** 户口迁出 is not 户口迁移（迁入）, 注销抵押 is not 抵押登记: the question ends, moves or undoes something the item's names do not. */
const endsSomethingElse: Rule = (asked, item) =>
  asked.some((c) => c.kind === "action" && c.alternatives.some((a) => ENDING.has(a)) && !c.alternatives.some((a) => item.names.includes(a))) ? "near miss" : undefined;

/** 出生证明丢了 is not 出生医学证明首次签发: a replacement asked, none named. */
const issuesInsteadOfReplacing: Rule = (asked, item) => (asksReplacement(asked) && !REPLACED_BY.some((w) => item.names.includes(w)) ? "near miss" : undefined);

/** 出生证丢了 is not 预防接种证补办: the item replaces none of the things the question names. */
const replacesAnotherThing: Rule = (asked, item) => {
  if (!asksReplacement(asked)) return undefined;
  const objects = asked.filter((c) => isKnownThing(c) && !c.place && (c.kind === "object" || [...c.source].length >= 3));
  return objects.length && !objects.some((c) => has(item, c.alternatives)) ? "near miss" : undefined;
};

/** 生产烟花 is not 烟花爆竹经营, 电动车上牌 is not 机动车注册登记: the item names another kind of the same group. */
const anotherKind: Rule = (asked, item) => {
  const words = asked.flatMap((c) => (c.kind === "context" ? [] : c.alternatives));
  for (const group of EXCLUSIVE) {
    const wanted = group.filter((w) => words.some((a) => a.includes(w)));
    if (wanted.length && !wanted.some((w) => item.names.includes(w)) && group.some((w) => item.names.includes(w))) return "near miss";
  }
  return undefined;
};

/** 外国对象 结婚登记 is 涉外婚姻, not the item for two mainland residents. */
const foreignerService: Rule = (asked, item) =>
  asked.some((c) => c.alternatives.some((a) => FOREIGN.includes(a))) && !FOREIGN.some((w) => item.names.includes(w)) ? "near miss" : undefined;

/** 献血证丢了 (献血 + 证): a certificate this item never mentions, whatever 证 matched. */
const unknownCertificate: Rule = (asked, item, text) =>
  asked.some((c) => !c.place && !c.fn && !c.synonym && namesCard(c, text) && !item.text.includes(c.source) && !item.names.includes(c.source)) ? "near miss" : undefined;

/** Only an action that fits many items (丢了, 补办) needs its object named; a known thing, 上牌 or 上户口 name it. */
const namesSomethingKnown: Rule = (asked) =>
  asked.some((c) => (c.kind === "object" || c.kind === "noun") && (c.df ?? 1) > 0 && !c.place) ||
  asked.some((c) => c.kind === "action" && (c.df ?? 0) > 0 && (c.df ?? 0) < GENERIC_ACTION_DF)
    ? "not a near miss"
    : undefined;

/** "还能找人民调解吗": a rare word of the item's name (three characters or more: 发车, 欠费 are too short to name one). */
const namesTheItem: Rule = (asked, item) =>
  asked.some((c) => c.kind !== "context" && [...c.source].length >= 3 && (c.df ?? 0) > 0 && (c.df ?? 0) < GENERIC_ACTION_DF && normalize(item.name).includes(c.source))
    ? "not a near miss"
    : undefined;

/** "我家猫丢了": a thing the catalog has never seen, which the item's guide never mentions either. */
const strangerThing: Rule = (asked, item) => {
  const strangers = asked.filter((c) => c.kind === "noun" && c.df === 0 && !c.place && !c.fn && !c.synonym);
  return strangers.some((c) => !item.text.includes(c.source) && !abbreviatesName(c.source, item.name)) ? "near miss" : undefined;
};

const RULES: Rule[] = [
  endsSomethingElse,
  issuesInsteadOfReplacing,
  replacesAnotherThing,
  anotherKind,
  foreignerService,
  unknownCertificate,
  namesSomethingKnown,
  namesTheItem,
  strangerThing,
];

/** A word right before a one-character certificate word, anywhere in the question (献血证, 导游证, 会员卡; not 开个证明). */
function namesCard(c: Concept, text: string): boolean {
  return [..."证卡本照牌"].some((card) => text.includes(`${c.source}${card}`)) && !/^[\p{Script=Han}]?$/u.test(c.source) && !isFragment(c);
}
