import { escapeRegExp } from "../platform/regexp";
import { loadAspectCues, type AspectCueGroup } from "../search";
/** The parts of a guide a question can be about (issue 4). */
export const aspects = [
  "authority", "basis", "conditions", "materials", "procedure", "timeLimit",
  "fees", "locations", "contact", "online", "overview",
] as const;
export type Aspect = (typeof aspects)[number];

/**
 * How citizens ask about each part of a guide: the cues of src/search/aspect-cues.yaml (staff
 * extend it; its header explains strengths and ties), each a phrase or a regular expression on
 * the NFKC-lowercased question. The strongest cue wins; on a tie the aspect earlier in PRIORITY
 * wins. What a cue matched is removed before the item is looked up.
 */
interface Cue {
  aspect: Exclude<Aspect, "overview">;
  re: RegExp;
  strength: number;
  /** The cue as plain text, when it is one: most questions lack it, and `includes` says so cheaply. */
  literal?: string;
}

const PRIORITY: Aspect[] = ["contact", "basis", "conditions", "online", "fees", "timeLimit", "materials", "locations", "authority", "procedure"];

function cuesOf(groups: AspectCueGroup[]): Cue[] {
  return groups.flatMap((g) => {
    const aspect = g.aspect as Cue["aspect"];
    return [
      ...g.phrases.map((p) => p.normalize("NFKC").toLowerCase()).map((literal) => ({ aspect, strength: g.strength, re: new RegExp(escapeRegExp(literal), "gu"), literal })),
      ...g.patterns.map((p) => ({ aspect, strength: g.strength, re: new RegExp(p, "gu") })),
    ];
  });
}

/** "是单位去办还是我自己去", "是我去报还是买牛的老板去报": which of two parties applies. */
const WHO = /是(\p{Script=Han}{1,8}?)(?:去|来)?(?:办|报|申请|申报)还是(\p{Script=Han}{1,8}?)(?:去|来)?(?:办|报|申请|申报|去)/u;

const CUES: Cue[] = [
  ...cuesOf(loadAspectCues(PRIORITY)),
  // "是物业去办还是业主自己办", "单位报还是个人报": who must apply (the guide's text decides
  // whether its conditions or its steps say so: see `who`); kept here, beside the code that reads the two parties
  { aspect: "conditions", strength: 2, re: new RegExp(WHO.source, "gu") },
];

/** A clause that asks something (a question word or particle), as opposed to one telling the situation. */
const ASKS = /[吗么嘛呢啥谁哪怎咋？?]|(?<![好十])几|什么|多少|多久|多长|多大|[不没]$|要不要|能不能|可不可以|是否|能否/;

/** "怎么换/咋补/如何申请": asking how to do it is asking for the procedure (weak). */
const HOW = /(怎么|咋|如何|怎样|怎么样)(才能|去|来)?(办|弄|搞|换|补|领|申请|申领|上|报|交|取|提|改|认定|开|登记|备案|操作|处理|注册|转|迁|参保|缴|续|查|退|参加|整|走)/;

/** A yes/no question ("能…吗", "要…不", "可以…吗"): the answer is wherever the guide says so. */
const YES_NO = /(能不能|可不可以|能否|是否|要不要|需不需要|用不用|会不会|行不行|可以不|有没有)|(能|可以|可|要|需要|得|还要|还能|会|用|必须|一定要|非得|非要)[^，,。？?!！]*?(吗|么|嘛|不|没)[？?。!！\s]*$/;

/** "…期" nouns whose length the law states (有效期, 冷静期): answered by content, not by the time limit. */
const PERIOD = /(有效期|冷静期|公示期|等待期|缴费期|领取期|申报期|考察期|试用期|保质期)(是)?(多久|多长|几年|几个月|多少年|多少天|几天|是多少)?/g;
/**
 * How much a benefit pays ("能补多少钱", "一年补多少", "每个月给多少"): what the citizen gets is
 * told in the overview (or the FAQ), not in the fees the citizen pays ("要给多少钱").
 */
const BENEFIT = /(?:补|领|拿|发)(?:助|到|了)?(?:多少钱?|几千|几百)(?!个月|年|天)|(?:能|会|每个?月|一年|每年)给(?:我|我们)?多少钱?/g;

/** How long a thing lasts or may be drawn ("用几个月过期", "能用多久", "能管几年", "最多领多少个月"): the law states it. */
const DURATION = /(能用|可以用|用|能管|管)(多久|多长时间|几年|几个月|多少年)(过期|到期)?|(多久|几个月|几年|多长时间)(过期|到期|失效)|(最多|一共|总共|能)?领(多少个月|几个月|多久|多长时间|几年)/g;

export interface AspectMatch {
  aspect: Aspect;
  /** The question with the aspect cues removed (what is left names the item). */
  rest: string;
  /** Strength of the winning cue (0 when none: overview). */
  strength: number;
  /** Yes/no question: the guide's content decides the aspect when no strong cue is present. */
  yesNo: boolean;
  /** A "…期" noun asked about (有效期): the section that states it answers. */
  period?: string;
  /** A second part asked in the same message ("要钱吗几天能开出来": fees, then timeLimit). */
  also?: Aspect;
  /** Which of two parties applies ("是单位去办还是我自己去"): the two parties named. */
  who?: [string, string];
}

/** Detect the asked aspect; `overview` when no cue is present. */
export function detectAspect(question: string): AspectMatch {
  const q = question.normalize("NFKC").toLowerCase();
  let best: { aspect: Aspect; strength: number; len: number } | undefined;
  let rest = q;
  const better = (a: Aspect, s: number, len: number) =>
    !best || s > best.strength || (s === best.strength && (PRIORITY.indexOf(a) < PRIORITY.indexOf(best.aspect) || (a === best.aspect && len > best.len)));
  let period: string | undefined;
  for (const m of q.matchAll(PERIOD)) {
    period ??= m[1];
    rest = rest.split(m[0]).join(" ");
  }
  for (const m of q.matchAll(DURATION)) {
    period ??= /领/.test(m[0]) ? "期限" : "有效期";
    rest = rest.split(m[0]).join(" ");
  }
  // The cues read the question without the benefit asked about (positions kept).
  const scan = q.replace(BENEFIT, (m) => " ".repeat(m.length));
  rest = rest.replace(BENEFIT, " ");
  const found: { cue: Cue; text: string; at: number }[] = [];
  for (const c of CUES) {
    if (c.literal !== undefined && !scan.includes(c.literal)) continue;
    c.re.lastIndex = 0;
    for (const m of scan.matchAll(c.re)) found.push({ cue: c, text: m[0], at: m.index ?? 0 });
  }
  // "在企业上班快到年龄了 办退休要准备啥", "外地户口在西宁买车 上牌要带啥": the first clause tells the
  // situation, the last asks. When some clause asks, a cue in a clause that does not is weaker.
  const clauses = [...q.matchAll(/[^，,。？?！!；;\s]+/g)].map((m) => ({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length, asks: ASKS.test(m[0]) }));
  const asking = clauses.some((c) => c.asks);
  const strength = (f: { cue: Cue; at: number }) =>
    asking && clauses.some((c) => !c.asks && f.at >= c.from && f.at < c.to) ? f.cue.strength - 1.25 : f.cue.strength;
  for (const f of found) if (better(f.cue.aspect, strength(f), f.text.length)) best = { aspect: f.cue.aspect, strength: strength(f), len: f.text.length };
  // Remove the longest cues first so "要带什么" goes before "要什么".
  // Weak cues stay: "退休手续" is also how citizens name the item.
  for (const { cue: c, text } of found.sort((a, b) => b.text.length - a.text.length)) if (c.strength >= 2) rest = rest.split(text).join(" ");
  if ((!best || best.strength < 1) && HOW.test(q)) best = { aspect: "procedure", strength: 1, len: 0 };
  // "孩子是脑瘫，想给他办个残疾证，咋办", "厂子要从河里抽水用，得办啥手续": a situation told, then a
  // bare "how" — the citizen asks what this service is and how it goes as a whole (the overview),
  // not for the steps of an item they named ("退休手续咋办").
  if (best?.aspect === "procedure" && best.strength < 3 && situationThenHow(q, clauses, found)) best = { aspect: "overview", strength: 2, len: 0 };
  // Any clause may be the question ("需要户口本吗？我户口本在老家").
  const yesNo = q.split(/[，,。？?！!；;\s]+/).some((c) => c && YES_NO.test(c));
  if (!best) return { aspect: "overview", rest, strength: 0, yesNo, period };
  const also = secondPart(found, best.aspect, strength);
  const who = best.aspect === "conditions" ? WHO.exec(q) : null;
  return { aspect: best.aspect, rest, strength: best.strength, yesNo, period, ...(also ? { also } : {}), ...(who ? { who: [who[1]!, who[2]!] as [string, string] } : {}) };
}

/** A first clause telling the situation and a last one that is only "how" (咋办, 手续咋弄) or "办啥手续". */
function situationThenHow(q: string, clauses: { from: number; to: number; asks: boolean }[], found: { cue: Cue; text: string }[]): boolean {
  const last = clauses[clauses.length - 1];
  if (clauses.length < 2 || clauses[0]!.asks || !last?.asks) return false;
  const ask = q.slice(last.from, last.to);
  if (/办(?:啥|什么)手续/.test(ask)) return true;
  let left = ask.replace(HOW_WORDS, "");
  for (const f of found) left = left.split(f.text).join("");
  return [...left.replace(/手续|一下|呢|啊|呀|吗/g, "")].length === 0;
}
const HOW_WORDS = /(怎么|咋|如何|怎样)(才能|去|来)?(办理|申请|申领|办|弄|搞|整|报名)(过来|下来)?/g;

/**
 * Two questions in one message ("要钱吗几天能开出来", "多少钱多久能办好"): another aspect asked as
 * plainly as the first (a question phrase, strength ≥ 2, in a clause of its own), which the
 * answer gives too. Pairs that are one question in two words (where + online) are not two parts.
 */
function secondPart(found: { cue: Cue; text: string; at: number }[], first: Aspect, strength: (f: { cue: Cue; at: number }) => number): Aspect | undefined {
  const firstAt = found.filter((f) => f.cue.aspect === first).map((f) => f.at);
  const other = found
    .filter((f) => f.cue.aspect !== first && strength(f) >= 2 && TWO_PARTS.has(f.cue.aspect) && TWO_PARTS.has(first))
    .filter((f) => firstAt.every((a) => Math.abs(a - f.at) >= 2))
    .sort((a, b) => strength(b) - strength(a))[0];
  return other?.cue.aspect;
}
/** Aspects a citizen asks side by side (cost, time, papers, place); the others stand alone. */
const TWO_PARTS = new Set<Aspect>(["fees", "timeLimit", "materials", "locations"]);
