import { formatShanghaiDate, SHANGHAI_OFFSET_MS } from "../../platform/shanghai-time";

/** Asks and unanswered asks counted per Shanghai calendar day, between two writes (write-day-counts.ts). */
export type DayCounts = Map<string, { asked: number; unanswered: number }>;

export function countDay(counts: DayCounts, at: Date, field: "asked" | "unanswered"): void {
  const day = dayOf(at);
  const c = counts.get(day) ?? counts.set(day, { asked: 0, unanswered: 0 }).get(day)!;
  c[field] += 1;
}

/** The day's text, formatted once per Shanghai day: asks are counted on every message. */
let lastDay = { n: NaN, text: "" };
function dayOf(at: Date): string {
  const n = Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000);
  if (n !== lastDay.n) lastDay = { n, text: formatShanghaiDate(at) };
  return lastDay.text;
}
