import { regionPrefix, serves } from "../platform/region-codes";
import type { Scored } from "./scoring";

/** One item as citizens see it: the same name in several regions folds into one hit. */
export interface SearchHit {
  /** Code of the instance chosen for the citizen (their region when known). */
  code: string;
  name: string;
  department: string;
  score: number;
  coverage: number;
  hasGuide: boolean;
  region?: string;
  type?: string;
  /** Every instance of this item (other regions/authorities), chosen one first. */
  instances: { code: string; region?: string; department: string; hasGuide: boolean }[];
}

/** An item of another place than the citizen's scores a little lower: of two close matches, the citizen's place's. */
const ELSEWHERE = 0.8;

/**
 * A province lists the same item once per county and city (same name, other authority).
 * Group by name; the group's score is its best instance's; within a group prefer the
 * citizen's region, then the authority above it (630000 covers 630100), then one within it (a
 * county of the prefecture named), then a published guide. A group whose chosen instance does
 * not serve the citizen's region scores ×ELSEWHERE.
 */
export function groupByName(scored: Scored[], region?: string, limit = Infinity): SearchHit[] {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const g = groups.get(s.entry.nameN);
    if (g) g.push(s);
    else groups.set(s.entry.nameN, [s]);
  }
  // `scored` is sorted by score: so are the groups (by their best instance), and only the first
  // `limit` need building.
  const hits: SearchHit[] = [];
  for (const members of groups.values()) {
    if (hits.length >= limit) break;
    const best = members[0]!;
    // the first of the best-ranked (as a stable sort would put it)
    let chosen = best;
    let rank = regionRank(best, region);
    for (let i = 1; i < members.length; i++) {
      const r = regionRank(members[i]!, region);
      if (r > rank) (chosen = members[i]!), (rank = r);
    }
    const e = chosen.entry;
    const instances: SearchHit["instances"] = [instance(chosen)];
    for (const m of members) if (m !== chosen) instances.push(instance(m));
    hits.push({
      code: e.code,
      name: e.name,
      department: e.department,
      score: round(region && !serves(e.region, region) ? best.score * ELSEWHERE : best.score),
      coverage: round(best.coverage),
      hasGuide: e.hasGuide,
      region: e.region,
      type: e.type,
      instances,
    });
  }
  return hits.sort((a, b) => b.score - a.score);
}

const instance = (m: Scored) => ({ code: m.entry.code, region: m.entry.region, department: m.entry.department, hasGuide: m.entry.hasGuide });

function regionRank(s: Scored, region?: string): number {
  const r = s.entry.region;
  let rank = s.entry.hasGuide ? 1 : 0;
  if (region && r) {
    if (r === region) rank += 100;
    else if (region.startsWith(regionPrefix(r))) rank += 50 + regionPrefix(r).length;
    // a county's instance when the citizen named its prefecture ("玉树" → 玉树市's office)
    else if (r.startsWith(regionPrefix(region))) rank += 25;
  }
  return rank + s.score * 0.01;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
