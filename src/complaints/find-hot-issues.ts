import type { Prisma } from "../platform/db";
import type { ComplaintsDeps } from "./deps";
import { HOT_SIMILARITY, bigrams, jaccard } from "./similarity";
import { OPEN_STATUSES } from "./types";

const COLUMNS = { ticketNo: true, text: true, district: true, category: true, createdAt: true } as const;
type HotRow = Prisma.ComplaintGetPayload<{ select: typeof COLUMNS }>;

/** A burst of similar complaints: its tickets, oldest first (the first one is the group's sample). */
export interface HotIssue {
  rows: HotRow[];
}

/**
 * 热点: a burst of similar complaints — at least `hotThreshold` open tickets within the last
 * `hotWindowHours`, same district, text similar to the group's first one (bigram Jaccard ≥
 * 0.5: neighbours describe one burst pipe in different words). Greedy single pass, newest
 * window only, so it stays cheap enough to compute on each dashboard request.
 */
export async function findHotIssues(deps: ComplaintsDeps): Promise<HotIssue[]> {
  const since = new Date(deps.app.now().getTime() - deps.hotWindowHours * 3_600_000);
  const rows = await deps.app.db.prisma.complaint.findMany({
    where: { createdAt: { gte: since }, status: { in: [...OPEN_STATUSES, "merged"] } },
    select: COLUMNS,
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    take: 2000,
  });
  const groups: { head: Set<string>; rows: typeof rows }[] = [];
  for (const r of rows) {
    const grams = bigrams(r.text);
    const g = groups.find((x) => x.rows[0]!.district === r.district && jaccard(x.head, grams) >= HOT_SIMILARITY);
    if (g) g.rows.push(r);
    else groups.push({ head: grams, rows: [r] });
  }
  return groups
    .filter((g) => g.rows.length >= deps.hotThreshold)
    .sort((a, b) => b.rows.length - a.rows.length)
    .map((g) => ({ rows: g.rows }));
}
