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

/**
 * A province lists the same item once per county and city (same name, other authority).
 * Group by name; the group's score is its best instance's; within a group prefer the
 * citizen's region, then the authority above it (630000 covers 630100), then a published guide.
 */
export function groupByName(scored: Scored[], region?: string): SearchHit[] {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const g = groups.get(s.entry.nameN);
    if (g) g.push(s);
    else groups.set(s.entry.nameN, [s]);
  }
  const hits: SearchHit[] = [];
  for (const members of groups.values()) {
    const best = members[0]!;
    const chosen = [...members].sort((a, b) => regionRank(b, region) - regionRank(a, region))[0]!;
    const e = chosen.entry;
    hits.push({
      code: e.code,
      name: e.name,
      department: e.department,
      score: round(best.score),
      coverage: round(best.coverage),
      hasGuide: e.hasGuide,
      region: e.region,
      type: e.type,
      instances: [chosen, ...members.filter((m) => m !== chosen)].map((m) => ({
        code: m.entry.code,
        region: m.entry.region,
        department: m.entry.department,
        hasGuide: m.entry.hasGuide,
      })),
    });
  }
  return hits.sort((a, b) => b.score - a.score);
}

function regionRank(s: Scored, region?: string): number {
  const r = s.entry.region;
  let rank = s.entry.hasGuide ? 1 : 0;
  if (region && r) {
    if (r === region) rank += 100;
    else if (region.startsWith(r.replace(/(00)+$/, ""))) rank += 50 + r.replace(/(00)+$/, "").length;
  }
  return rank + s.score * 0.01;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
