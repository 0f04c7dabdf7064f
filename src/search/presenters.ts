import type { SearchHit } from "./grouping";

/** The only place that decides the public JSON shape of a search hit. */
export const presentHit = (h: SearchHit) => ({
  code: h.code,
  name: h.name,
  department: h.department,
  score: h.score,
  hasGuide: h.hasGuide,
  region: h.region,
  regions: h.instances.slice(1).map((i) => ({ code: i.code, region: i.region, department: i.department })),
});
