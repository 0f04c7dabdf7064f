import { normalize, type Concept } from "../search";
import type { PublishedGuide } from "./ports";
import type { Aspect, AspectMatch } from "./aspects";
import { bigrams, matchFaq } from "./render";

/**
 * Questions without a clear cue ("车有抵押能过户吗", "护照有效期几年", "给娃上户口要结婚证不") are
 * answered by the part of the guide that talks about what they mention: the question's words
 * that do not name the item (抵押, 有效期, 结婚证) are looked up in each section, and the
 * section mentioning most of them is the aspect. No section → a default by question form.
 */
type Section = Exclude<Aspect, "overview" | "authority" | "contact" | "online">;

/** Tie order: the sections that state rules before those that state steps. */
const ORDER: Section[] = ["conditions", "materials", "basis", "procedure", "fees", "timeLimit", "locations"];
const YES_NO_ORDER = ORDER.filter((s) => s !== "basis");
const PERIOD_ORDER: Section[] = ["basis", "conditions", "procedure", "timeLimit", "materials", "fees", "locations"];

const cache = new WeakMap<PublishedGuide, Record<Section, string>>();

function sectionTexts(g: PublishedGuide): Record<Section, string> {
  let s = cache.get(g);
  if (!s) {
    s = {
      conditions: normalize(g.conditions.join("\n")),
      materials: normalize(g.materials.map((m) => `${m.name} ${m.note ?? ""}`).join("\n")),
      basis: normalize(g.basis.map((b) => `${b.title} ${b.article ?? ""} ${b.text ?? ""}`).join("\n")),
      procedure: normalize(g.procedure.map((p) => `${p.step} ${p.description ?? ""}`).join("\n")),
      fees: normalize(g.fees.items.map((f) => `${f.name} ${f.amountText ?? ""} ${f.basis ?? ""}`).join("\n")),
      timeLimit: normalize(g.timeLimit.note ?? ""),
      locations: normalize(g.locations.map((l) => `${l.name} ${l.address ?? ""} ${l.window ?? ""}`).join("\n")),
    };
    cache.set(g, s);
  }
  return s;
}

const bigramCache = new WeakMap<PublishedGuide, Partial<Record<Section, Set<string>>>>();
function sectionBigrams(g: PublishedGuide, texts: Record<Section, string>, s: Section): Set<string> {
  let byGuide = bigramCache.get(g);
  if (!byGuide) bigramCache.set(g, (byGuide = {}));
  return (byGuide[s] ??= bigrams(texts[s]));
}

/** The question's concepts that say something beyond the item's name (抵押 in 车有抵押能过户吗). */
export function contentConcepts(g: PublishedGuide, concepts: Concept[]): Concept[] {
  const names = normalize([g.name, ...g.aliases].join("|"));
  return concepts.filter((c) => c.kind !== "context" && [...c.source].length >= 2 && !c.alternatives.some((a) => a.length >= 2 && names.includes(a)));
}

function bestSection(g: PublishedGuide, terms: string[][], order: Section[]): Section | undefined {
  if (!terms.length) return undefined;
  const texts = sectionTexts(g);
  let best: Section | undefined;
  let bestScore = 0;
  for (const s of order) {
    let score = 0;
    for (const alts of terms) if (alts.some((a) => a.length >= 2 && texts[s].includes(a))) score++;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

/** "能…吗" asks whether one may; "必须…吗" whether one must: both are conditions. */
const CAN = /能不能|可不可以|能否|行不行|可以不|(能|可以|可|必须|一定要|非得|非要)[^，,。？?]*?(吗|么|嘛|不)[？?。!！\s]*$/;

export function refineAspect(g: PublishedGuide, m: AspectMatch, concepts: Concept[], question: string): Aspect {
  const content = contentConcepts(g, concepts).map((c) => c.alternatives);
  if (m.who) return whoSection(g, m.who);
  if (m.period) return bestSection(g, [[m.period], ...content], PERIOD_ORDER) ?? (m.strength >= 2 ? m.aspect : "basis");
  if (m.strength >= 2) return m.aspect;
  // The guide's FAQ answers this very question: the answer is where the guide states what the
  // FAQ says (its section), or the FAQ itself (overview) when no section does. Without any cue
  // that decides; after a weak "怎么补" only a section stating it does (the steps stay otherwise).
  const grounded = faqSection(g, question);
  if (!m.yesNo) {
    if (grounded && (m.strength === 0 || grounded !== "overview")) return grounded;
    return m.aspect;
  }
  // A law's text mentions everything; a yes/no question is answered where the guide states the
  // rule for applicants (the basis only when the FAQ answers by citing it, below).
  const s = bestSection(g, content, YES_NO_ORDER);
  if (s) return s;
  const q = question.normalize("NFKC");
  // "能…吗": whether one may — the conditions say.
  if (CAN.test(q)) return "conditions";
  if (grounded) return grounded;
  // The guide's FAQ answers this very question by citing a law of its basis ("生三胎要审批吗" →
  // 《人口与计划生育法》规定…): the basis is the answer.
  const faq = matchFaq(g, question, "zh");
  const cited = faq ? /《([^》]+)》/.exec(faq.a)?.[1] : undefined;
  if (cited && g.basis.some((b) => b.title.includes(cited) || cited.includes(b.title.replace(/[《》]/g, "").replace(/^中华人民共和国/, "")))) return "basis";
  if (content.length) return "materials";
  return m.aspect;
}

/** Share of the FAQ answer's character pairs a section must contain to be where it is stated. */
const GROUNDED = 0.5;

/**
 * The section of the guide that states what the FAQ entry matching the question answers
 * ("临时身份证能用多久？有效期三个月…" → basis, which says 有效期限为三个月); "overview" when the
 * FAQ answer is stated nowhere else; undefined when no FAQ entry matches the question.
 */
export function faqSection(g: PublishedGuide, question: string): Section | "overview" | undefined {
  const faq = matchFaq(g, question, "zh");
  if (!faq) return undefined;
  const ab = bigrams(faq.a);
  if (!ab.size) return undefined;
  const texts = sectionTexts(g);
  let best: Section | undefined;
  let bestShare = 0;
  for (const s of ORDER) {
    const sb = sectionBigrams(g, texts, s);
    let n = 0;
    for (const b of ab) if (sb.has(b)) n++;
    const share = n / ab.size;
    if (share > bestShare) [best, bestShare] = [s, share];
  }
  return best && bestShare >= GROUNDED ? best : "overview";
}

/**
 * "是单位去办还是我自己去": who applies is stated in the conditions or in the steps; the one that
 * names more of the two parties (any two characters of each), or says "由…申请", answers.
 */
function whoSection(g: PublishedGuide, parties: [string, string]): Section {
  const texts = sectionTexts(g);
  const score = (s: Section) => {
    const text = texts[s];
    const named = parties.filter((p) => [...bigrams(p.replace(/自己|我们|我|他们|他|她|的/g, ""))].some((b) => text.includes(b))).length;
    return named + (/由[^。；;\n]{0,20}?(?:申请|申报|办理|提出)/.test(text) ? 1 : 0);
  };
  return score("procedure") > score("conditions") ? "procedure" : "conditions";
}
