import type { PrismaClient } from "../../platform/db";
import { formatShanghaiDate } from "../../platform/shanghai-time";

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
