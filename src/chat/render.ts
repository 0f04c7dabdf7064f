import type { TimeLimitValue } from "../catalog";
import type { PublishedGuide } from "./ports";
import { detectAspect, type Aspect } from "./aspects";
import { words } from "../search";
import { askedStep, stepDuration } from "./asked-step";
import { bracketed, detail, t, type Lang } from "./texts";

export { t, type Lang };
/**
 * An answer's length budget in UTF-8 bytes: short enough for every channel to show it whole
 * (each channel's own hard cut stays with the channel); the rest is behind the guide link.
 */
const ANSWER_LIMIT_BYTES = 2048;

export interface RenderOptions {
  lang: Lang;
  link: string;
  hotline: string;
  limitBytes?: number;
  /** The citizen's question: a matching FAQ entry of the guide is quoted first. */
  question?: string;
  /** A close alternative item, named in one line before the link. */
  alternative?: string;
  /** A second aspect asked in the same message, answered after the first. */
  also?: Aspect;
}

/** Answer one aspect of a guide, quoting its facts, ending with the guide link. */
export function renderAnswer(g: PublishedGuide, aspect: Aspect, o: RenderOptions): string {
  const bo = o.lang === "bo" ? g.translations?.bo : undefined;
  const title = t(o.lang, "title", { name: bo?.name ?? g.name });
  const body = [...sections(g, aspect, o, bo), ...(o.also && o.also !== aspect && aspect !== "overview" ? sections(g, o.also, o, bo) : [])];
  const faq = (o.question ? askedFaq(g, o.question, o.lang) : undefined) ?? aboutAspect(g, aspect, o.lang);
  const footer = [...(o.alternative ? [t(o.lang, "alternative", { name: o.alternative })] : []), t(o.lang, "link", { link: o.link })].join("\n");
  return fit([title, ...(faq ? [`${faq.q}\n${faq.a}`] : []), ...body], footer, o);
}

/**
 * The guide's FAQ often answers the exact colloquial question ("过期半年还能换吗"): the entry
 * sharing the most words with the question, when it shares at least two. This loose match
 * grounds the aspect (refine.ts); what is quoted first is `askedFaq`, stricter.
 */
export function matchFaq(g: PublishedGuide, question: string, lang: Lang): { q: string; a: string } | undefined {
  const qs = new Set(words(question).filter((w) => [...w].length >= 2 || /\d/.test(w)));
  return bestFaq(faqsOf(g, lang), qs, bigrams(question), new Set(), 1);
}

/**
 * The FAQ entry quoted before the answer: only one that answers what is asked. The words naming
 * the service ("营业执照", "驾照丢了") say which guide, not which entry, so an entry must share
 * what the question asks beyond them ("要钱吗", "还能…换"), or have the whole question as its
 * subject ("营业执照丢了" → "营业执照丢了怎么办？").
 */
export function askedFaq(g: PublishedGuide, question: string, lang: Lang): { q: string; a: string } | undefined {
  const faqs = faqsOf(g, lang);
  const whole = question.normalize("NFKC").replace(/[\s，,。？?！!]+/g, "");
  if ([...whole].length >= 4) {
    const entry = faqs.find((f) => f.q.normalize("NFKC").includes(whole));
    if (entry) return entry;
  }
  const topic = topicOf(g);
  const qs = new Set(words(question).filter((w) => ([...w].length >= 2 || /\d/.test(w)) && !topic.words.has(w) && !topic.text.includes(w) && !ASKING.has(w)));
  const qb = new Set([...bigrams(question)].filter((b) => !topic.bigrams.has(b)));
  const strict = bestFaq(faqs, qs, qb, topic.bigrams, 0);
  if (strict) return strict;
  // The loose match, when the entry also shares a pair of characters beyond the service's names
  // and the asking words ("现在多少岁退休" ~ "现在多大岁数退休？").
  const loose = matchFaq(g, question, lang);
  return loose && [...faqTerms(loose).bigrams].some((b) => qb.has(b) && !ASKING_PAIRS.has(b)) ? loose : undefined;
}

/**
 * "要钱不" asked plainly: the guide's own FAQ entry about its fees ("办证收钱吗？不收费，育林基金
 * 已降为零…") says more than the fee line ("免费"), so it comes first.
 */
function aboutAspect(g: PublishedGuide, aspect: Aspect, lang: Lang): { q: string; a: string } | undefined {
  return aspect === "fees" ? faqsOf(g, lang).find((f) => detectAspect(f.q).aspect === "fees") : undefined;
}

const ASKING_PAIRS = new Set(["怎么", "么办", "如何", "什么", "哪里", "可以", "需要", "办理", "申请", "咋办", "要多", "多少"]);

const faqsOf = (g: PublishedGuide, lang: Lang) => (lang === "bo" ? g.translations?.bo?.faq : undefined) ?? g.faq;

/** The entry sharing more than `least` words (or run-together character pairs) with the question. */
function bestFaq(faqs: { q: string; a: string }[], qs: Set<string>, qb: Set<string>, ignored: Set<string>, least: number) {
  let best: { q: string; a: string } | undefined;
  let bestN = least;
  for (const f of faqs) {
    const { words: fw, bigrams: fb } = faqTerms(f);
    const n = fw.filter((w) => qs.has(w)).length;
    // Run-together colloquial wording ("交多少年能领" ~ "交了多少年才能领") shares character pairs.
    const own = [...fb].filter((b) => !ignored.has(b));
    const shared = own.filter((b) => qb.has(b)).length;
    const byChars = shared >= 3 && shared >= 0.4 * own.length ? shared - 1 : 0;
    const score = Math.max(n, byChars);
    if (score > bestN) [best, bestN] = [f, score];
  }
  return best;
}

/** Words every question has: they say that something is asked, not what. */
const ASKING = new Set(["怎么", "怎么办", "怎样", "如何", "什么", "哪里", "哪儿", "可以", "需要", "办理", "申请", "咋办", "一下", "请问", "你好", "我想", "我要"]);

/** The guide's names (name and aliases), segmented once per guide. */
const topicCache = new WeakMap<PublishedGuide, { text: string; words: Set<string>; bigrams: Set<string> }>();
function topicOf(g: PublishedGuide): { text: string; words: Set<string>; bigrams: Set<string> } {
  let v = topicCache.get(g);
  if (!v) {
    const text = [g.name, ...(g.aliases ?? [])].join("，");
    topicCache.set(g, (v = { text, words: new Set(words(text)), bigrams: new Set([g.name, ...(g.aliases ?? [])].flatMap((n) => [...bigrams(n)])) }));
  }
  return v;
}

/** A guide's FAQ questions, segmented once (guides are cached per instance, so are these). */
const faqCache = new WeakMap<{ q: string }, { words: string[]; bigrams: Set<string> }>();
function faqTerms(f: { q: string }): { words: string[]; bigrams: Set<string> } {
  let v = faqCache.get(f);
  if (!v) faqCache.set(f, (v = { words: words(f.q), bigrams: bigrams(f.q) }));
  return v;
}

export function bigrams(s: string): Set<string> {
  const han = [...s.normalize("NFKC")].filter((c) => /[\p{Script=Han}\p{N}\u0F00-\u0FFF]/u.test(c));
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han[i]! + han[i + 1]!);
  return out;
}

type Bo = NonNullable<PublishedGuide["translations"]>["bo"];

function sections(g: PublishedGuide, aspect: Aspect, o: RenderOptions, bo: Bo): string[] {
  const L = (id: string, value?: string) => t(o.lang, `label.${id}`, value === undefined ? {} : { value });
  const none = () => [t(o.lang, "label.none", { hotline: o.hotline })];
  switch (aspect) {
    case "authority":
      return [L("authority", g.authority.name), ...(g.authority.phone ? [L("authority_phone", g.authority.phone)] : [])];
    case "basis":
      return [L("basis"), ...g.basis.map((b, i) => `${i + 1}. ${detail(o.lang, `${b.title}${b.docNo ? bracketed(o.lang, b.docNo) : ""}${b.article ?? ""}`, b.text)}`)];
    case "conditions": {
      const list = bo?.conditions?.length ? bo.conditions : g.conditions;
      return list.length ? [L("conditions"), ...list.map((c, i) => `${i + 1}. ${c}`)] : none();
    }
    case "materials":
      return g.materials.length ? [L("materials"), ...materialLines(g, o.lang, bo)] : none();
    case "procedure":
      return [L("procedure"), ...g.procedure.map((p, i) => {
        const tr = bo?.procedure?.[i];
        return `${i + 1}. ${tr ? detail(o.lang, tr.step ?? p.step, tr.description) : stepDuration(p, o.lang)}`;
      })];
    case "timeLimit": {
      // The time of a step asked about by name ("公示要几天") first, then the item's whole time limit.
      const asked = o.question ? askedStep(g, o.question) : undefined;
      return [...(asked ? [L("time_step", stepDuration(asked, o.lang))] : []),
        L("timeLimit", timeLimitText(g, o.lang)), ...(g.timeLimit.note ? [L("time_note", g.timeLimit.note)] : [])];
    }
    case "fees":
      return [L("fees", feesText(g, o.lang))];
    case "locations":
      return g.locations.length
        ? [L("locations"), ...g.locations.flatMap((l, i) => [
            `${i + 1}. ${l.name}`,
            ...(l.address ? [`   ${L("address", l.address)}`] : []),
            ...(l.window ? [`   ${L("window", l.window)}`] : []),
            ...(l.hours ? [`   ${L("hours", l.hours)}`] : []),
          ])]
        : none();
    case "contact": {
      const consult = g.contact?.consult ?? g.authority.phone;
      return [
        ...(consult ? [L("consult", consult)] : []),
        L("complaint", g.contact?.complaint ?? o.hotline),
        L("authority", g.authority.name),
      ];
    }
    case "online":
      return [onlineText(g, o.lang), ...onlineMentions(g)];
    case "overview":
      return [
        // In Tibetan the other names are the words citizens use (ཐེམ་ཐོ for སྐྱེས་ཐོ).
        ...(bo?.aliases?.length ? [L("aliases", bo.aliases.map((a) => a.replace(/[\u0F0D-\u0F14\s]+$/u, "")).join(t(o.lang, "value.name_separator")))] : []),
        L("authority", g.authority.name),
        L("timeLimit", timeLimitText(g, o.lang)),
        L("fees", feesText(g, o.lang)),
        ...(g.materials.length ? [L("overview_materials", materialLines(g, o.lang, bo).map((m) => m.replace(/^\d+\. /, "")).join(t(o.lang, "value.list_separator")))] : []),
        // The first step: useful whether "怎么办" meant what it is or how to start.
        ...(g.procedure[0] ? [L("first_step", overviewStep(g, bo, o.lang))] : []),
        onlineText(g, o.lang),
      ];
  }
}

function overviewStep(g: PublishedGuide, bo: Bo, lang: Lang): string {
  const p = g.procedure[0]!;
  const tr = bo?.procedure?.[0];
  return detail(lang, tr?.step ?? p.step, tr?.description ?? p.description);
}


function materialLines(g: PublishedGuide, lang: Lang, bo: Bo): string[] {
  return g.materials.map((m, i) => {
    const name = bo?.materials?.[i]?.name ?? m.name;
    const form = m.form || m.copies ? t(lang, "value.form", { form: m.form ?? "", copies: m.copies ? t(lang, "value.copies", { value: m.copies }) : "" }) : "";
    const opt = m.required ? (m.note ? bracketed(lang, m.note) : "") : m.note ? t(lang, "value.optional", { note: m.note }) : t(lang, "value.optional_plain");
    return `${i + 1}. ${name}${form}${opt}`;
  });
}

function limitValue(v: TimeLimitValue, lang: Lang): string {
  return v.unit === "即办" ? t(lang, "value.instant") : t(lang, "value.days", { value: v.value, unit: v.unit });
}

/** "法定60个自然日，承诺20个工作日" — both limits, always, as the guide states them. */
export function timeLimitText(g: PublishedGuide, lang: Lang): string {
  return t(lang, "value.statutory_promised", {
    statutory: limitValue(g.timeLimit.statutory, lang),
    promised: limitValue(g.timeLimit.promised, lang),
  });
}

/** "免费", or "居民身份证工本费20元（依据：…）" per fee item. */
export function feesText(g: PublishedGuide, lang: Lang): string {
  if (!g.fees.charged) return t(lang, "value.free");
  return g.fees.items
    .map((f) => {
      const amount = f.amountFen !== undefined ? t(lang, "value.yuan", { value: yuan(f.amountFen) }) : (f.amountText ?? "");
      const item = f.amountFen !== undefined ? t(lang, "value.fee_item", { name: f.name, amount }) : detail(lang, f.name, amount);
      return item +
        (f.basis ? t(lang, "value.fee_basis", { basis: f.basis }) : "");
    })
    .join(t(lang, "value.list_separator"));
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

const ONLINE = /网上|线上|网办|APP|app|小程序|平台|12123|12333|掌上|电子/;

/** Sentences of the guide that say how to do it online (the URL alone rarely says which app). */
function onlineMentions(g: PublishedGuide): string[] {
  const texts = [...g.procedure.map((p) => p.description ?? ""), ...g.conditions, ...g.faq.map((f) => `${f.q}${f.a}`)];
  return texts.filter((x) => ONLINE.test(x)).slice(0, 3);
}

/** "可以网上办理：<url>；零跑动" — never an empty value: no URL, no colon; 0 visits is 零跑动. */
function onlineText(g: PublishedGuide, lang: Lang): string {
  const n = g.online?.visits;
  const visits = n === undefined ? "" : n === 0 ? t(lang, "label.visits_zero") : t(lang, "label.visits", { value: n });
  if (g.online?.available) {
    const yes = g.online.url ? t(lang, "label.online_yes", { value: g.online.url }) : t(lang, "label.online_yes_plain");
    return yes + (visits ? `${t(lang, "label.separator")}${visits}` : "");
  }
  return t(lang, "label.online_no") + visits;
}

/**
 * Fit lines + footer into the answer budget: drop lines from the end, then add a "see the link"
 * note. The footer (the guide link) is always kept.
 */
export function fit(lines: string[], footer: string, o: { lang: Lang; limitBytes?: number }): string {
  const limit = o.limitBytes ?? ANSWER_LIMIT_BYTES;
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");
  const full = [...lines, footer].join("\n");
  if (bytes(full) <= limit) return full;
  const more = t(o.lang, "truncated");
  const kept: string[] = [];
  for (const line of lines) {
    const next = [...kept, line, more, footer].join("\n");
    if (bytes(next) > limit) {
      // Keep as much of a long line as fits, cut on a character boundary.
      let cutLine = "";
      for (const ch of line) {
        if (bytes([...kept, cutLine + ch, more, footer].join("\n")) > limit) break;
        cutLine += ch;
      }
      if (cutLine) kept.push(cutLine);
      break;
    }
    kept.push(line);
  }
  return [...kept, more, footer].join("\n");
}
