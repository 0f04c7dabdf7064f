import { normalize, type Concept } from "../search";
import type { PublishedGuide } from "./ports";
import { guideText } from "./guide-mentions";

/**
 * Does a follow-up stay with the current item? It stays when every thing it names is part of
 * the current guide (its name, aliases, materials, conditions, FAQ…: "还要户口本吗" after 结婚登记)
 * and it asks for no other variant of the service; "variant" when it asks for another action
 * on the same object ("补办呢" after 换领); "switch" when it names something new.
 */
export function staysWithCurrent(concepts: Concept[], itemName: string, g: PublishedGuide | null): "stay" | "variant" | "switch" {
  const name = normalize(itemName);
  const text = g ? guideText(g) : name;
  const things = concepts.filter((c) => (c.kind === "object" || c.kind === "noun") && ([...c.source].length >= 2 || c.synonym));
  const newThing = things.some((c) => (c.df ?? 1) > 0 && !c.alternatives.some((a) => a.length >= 2 && text.includes(a)));
  if (newThing) return "switch";
  // "那上户口要带啥" after 出生医学证明: an action of the table, as the citizen wrote it (not a typo
  // guess), that names a whole service (上户口 → 出生登记) names another item when the current item's name is not that service, even if its
  // guide mentions it.
  const service = concepts.some((c) => c.synonym && c.kind === "action" && (c.df ?? 1) > 0 && c.alternatives[0] === c.source &&
    c.alternatives.slice(1).some((a) => a.length >= 4) && !c.alternatives.some((a) => a.length >= 2 && name.includes(a)));
  if (service) return "switch";
  const variant = concepts.some((c) => c.alternatives.some((a) => VARIANTS.some((v) => a.includes(v))) && !c.alternatives.some((a) => name.includes(a)));
  return variant ? "variant" : "stay";
}

const VARIANTS = ["补领", "补办", "补发", "换领", "换证", "换发", "变更", "注销", "迁移", "挂失", "首次", "临时"];

/** An item's name without what its parentheses add: 机动车转移登记（过户） → 机动车转移登记. */
export const withoutParentheses = (name: string) => name.replace(/[（(][^）)]*[）)]/g, "");

/** The thing an item is about, without its action: 居民身份证换领（有效期满） → 居民身份证. */
export function itemObject(name: string): string {
  let s = withoutParentheses(name);
  for (const v of [...VARIANTS, "申领", "申请", "登记", "核发"]) s = s.split(v).join("");
  return s;
}
