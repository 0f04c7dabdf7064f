import { Prisma, type PrismaClient } from "../../platform/db";
import { formatShanghaiDate, SHANGHAI_OFFSET_MS } from "../../platform/shanghai-time";

/** Asks and unanswered asks counted per Shanghai calendar day, between two writes. */
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

/** Adds the counted asks to the day rows, one statement for every day in the batch. */
export async function writeDayCounts(prisma: PrismaClient, counts: DayCounts): Promise<void> {
  if (!counts.size) return;
  const values = [...counts].map(([day, c]) => Prisma.sql`(${day}, ${c.asked}::int, ${c.unanswered}::int)`);
  await prisma.$executeRaw`
    INSERT INTO catalog_question_day AS d (day, asked, unanswered) VALUES ${Prisma.join(values)}
    ON CONFLICT (day) DO UPDATE SET asked = d.asked + EXCLUDED.asked, unanswered = d.unanswered + EXCLUDED.unanswered`;
}

export interface QuestionDayRecord {
  day: string;
  asked: number;
  unanswered: number;
  /** Share of the day's questions answered with confidence (null on a day nobody asked). */
  answeredShare: number | null;
}

/** The last `days` days up to `today` (Shanghai dates), oldest first, days without questions as zeros. */
export async function listQuestionDays(opts: { prisma: PrismaClient; today: Date; days: number }): Promise<QuestionDayRecord[]> {
  const wanted = Array.from({ length: opts.days }, (_, i) => formatShanghaiDate(new Date(opts.today.getTime() - (opts.days - 1 - i) * 86_400_000)));
  const rows = await opts.prisma.questionDay.findMany({ where: { day: { in: wanted } } });
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return wanted.map((day) => {
    const r = byDay.get(day);
    const asked = r?.asked ?? 0;
    const unanswered = Math.min(r?.unanswered ?? 0, asked);
    return { day, asked, unanswered, answeredShare: asked ? (asked - unanswered) / asked : null };
  });
}
