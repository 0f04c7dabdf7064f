import { normalize, type AnalyzedQuery, type Concept, type SearchHit } from "../search";
import { detectAspect, type Aspect, type AspectMatch } from "./aspects";
import type { ChatDeps } from "./deps";
import { rerank } from "./guide-mentions";
import { detectRegion } from "./regions";
import type { Session } from "./session";
import { isKnownThing } from "./things";

/** A question read: its aspect, what is left to name an item, the search for it. */
export interface ReadQuestion {
  text: string;
  match: AspectMatch;
  aspect: Aspect;
  /** The question without aspect, region, question words and circumstances. */
  rest: string;
  lang: AnalyzedQuery["lang"];
  /** Everything the question says, for choosing the part of the guide that answers. */
  allConcepts: Concept[];
  /** What names the item (without an asked-about material). */
  concepts: Concept[];
  unknown: string[];
  /** Search hits, re-ranked by what their guides mention. */
  hits: SearchHit[];
  inContext: boolean;
  /** The region this question names (session.region keeps it for later ones). */
  regionNamed?: string;
}

/** Aspect and region, then a search for the item on what is left of the question. */
export async function readQuestion(deps: ChatDeps, text: string, session: Session): Promise<ReadQuestion> {
  const match = detectAspect(text);
  const { aspect } = match;
  const region = detectRegion(match.rest);
  if (region) {
    session.region = region.code;
    session.regionName = region.name;
  }
  // Question words name nothing ("西宁哪家羊肉好吃").
  // "户口在海东", "营业执照办好了": where the citizen lives and what they already have are not what they ask for.
  let rest = (region?.rest ?? match.rest).replace(QUESTION_WORDS, " ").replace(RESIDENCE, " ").replace(DONE, " ").replace(BESIDES, " ");
  // "这个证能管几年": in a conversation, "this certificate" is the item talked about.
  if (session.itemCode !== undefined) rest = rest.replace(THIS, " ");
  let found = deps.search.search(rest, { limit: 8, region: session.region });
  const allConcepts = found.query.concepts.filter((c) => c.kind !== "context");
  // "身份证被偷了怎么补 要带户口本吗": 户口本 is asked about as a material of the item, not the item.
  const material = askedMaterial(text);
  if (material && rest.includes(material)) {
    const without = rest.replace(material, " ");
    const second = deps.search.search(without, { limit: 8, region: session.region });
    if (second.query.concepts.some(isKnownThing)) [rest, found] = [without, second];
  }
  const concepts = found.query.concepts.filter((c) => c.kind !== "context");
  const hits = await rerank(deps, found.hits, concepts, found.unknown);
  return { text, match, aspect, rest, lang: found.query.lang, allConcepts, concepts, unknown: found.unknown, hits, inContext: session.itemCode !== undefined, ...(region ? { regionNamed: region.code } : {}) };
}

const QUESTION_WORDS = /哪家|哪位|哪种|哪样|哪一个|哪一家|什么样|啥样/g;
/** "户口在海东", "老家是甘肃的": the citizen's residence, a circumstance. */
const RESIDENCE = /(户口|户籍|老家|家)(都|也|还)?(在|是)\p{Script=Han}{1,4}?(?:的|[，,\s]|$)/gu;
/** "营业执照办好了, 还要…": what the citizen already has, in a clause before the question. */
const DONE = /(已经)?[\p{Script=Han}]{2,6}?(已经)?(办好了|办完了|办下来了|拿到了|已办)(?=[，,。\s]+\S)/gu;
/** "除了营业执照还得办啥证": what the citizen names to set aside is not what they ask for. */
const BESIDES = /除了\p{Script=Han}{2,8}?(?:以外|之外)?(?=[，,\s]*(?:还|另外|也|别的))/gu;
/** "这个证", "那个事": the item of the conversation. */
const THIS = /(这个|那个|这|那)(证件|证|本|卡|事儿?|手续|执照|东西)?/g;

/** "要带户口本吗", "要结婚证不": the thing asked to be needed (a material), if any. */
function askedMaterial(text: string): string | undefined {
  const m = /(?:要带|需要带|带上|还要|需要|要|得|用)(?!办|去|交|花|等|跑|多|几)(\p{Script=Han}{2,6}?)(?:吗|不|么|嘛|没)[？?。!！\s]*$/u.exec(normalize(text));
  return m?.[1];
}
