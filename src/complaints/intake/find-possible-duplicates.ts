import { OPEN_STATUSES } from "../types";
import { DUPLICATE_SIMILARITY, textSimilarity } from "../similarity";
import { samePlace } from "../place";
import type { Tx } from "../workflow/db";

const LOOKBACK_DAYS = 30;
const MAX_CANDIDATES = 500;

/**
 * Open tickets of the last 30 days with near-identical text at the same district: shown to
 * the dispatcher, who decides whether to merge. Never merged automatically — two neighbours
 * reporting the same broken lamp are still two citizens waiting for an answer.
 */
export async function findPossibleDuplicates(tx: Tx, o: { text: string; district: string | null; now: Date }): Promise<string[]> {
  const since = new Date(o.now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const candidates = await tx.complaint.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, createdAt: { gte: since }, district: o.district },
    select: { ticketNo: true, text: true, district: true },
    orderBy: { createdAt: "desc" },
    take: MAX_CANDIDATES,
  });
  return candidates
    .filter((c) => samePlace(c.district, o.district) && textSimilarity(c.text, o.text) >= DUPLICATE_SIMILARITY)
    .map((c) => c.ticketNo);
}
