import { serves } from "../platform/region-codes";
import { normalize } from "../search";
import type { ChatDeps } from "./deps";
import { withoutParentheses } from "./follow-up";

/** An item's name as compared here: without its parentheses and spaces. */
const bare = (name: string) => normalize(withoutParentheses(name)).replace(/\s+/g, "");

/**
 * "在称多县能换不" after 驾驶证期满换证 was answered from 西宁's guide: the conversation's item, as
 * published for the place the citizen has just named — the same name, or the one name inside
 * the other — when the item talked about does not serve that place.
 */
export function sameItemInRegion(deps: ChatDeps, itemCode: string, region: string): string | undefined {
  const current = deps.search.get(itemCode);
  if (!current || serves(current.region, region)) return undefined;
  const name = bare(current.name);
  const same = deps.search
    .search(current.name, { limit: 5, region })
    .hits.find((h) => h.hasGuide && h.code !== itemCode && serves(h.region, region) && (bare(h.name).includes(name) || name.includes(bare(h.name))));
  return same?.code;
}
