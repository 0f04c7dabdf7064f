import { getItem, listQuestions } from "../../catalog";
import type { PrismaClient } from "../../platform/db";
import { isAppError } from "../../platform/errors";

export interface GapRow {
  id: string;
  question: string;
  count: number;
  lastAskedAt: Date;
  outcome: string;
  /** The item search thought closest, with its name, as the synonym's official word. */
  best: { code: string; name: string } | null;
}

const PAGE_SIZE = 50;

/** The most asked unanswered questions, each with the name of the item search thought closest. */
export async function listGaps(o: { prisma: PrismaClient }): Promise<{ rows: GapRow[]; total: number }> {
  const { questions, total } = await listQuestions({ prisma: o.prisma, page: 1, pageSize: PAGE_SIZE });
  const names = new Map<string, string>();
  for (const code of new Set(questions.flatMap((q) => (q.bestCode ? [q.bestCode] : [])))) {
    // The best guess may since have been retired: then there is no name to offer.
    const item = await getItem({ prisma: o.prisma, code }).catch((e) => (isAppError(e) ? null : Promise.reject(e)));
    if (item) names.set(code, item.name);
  }
  const rows = questions.map((q) => ({
    id: q.id, question: q.question, count: q.count, lastAskedAt: q.lastAskedAt, outcome: q.outcome,
    best: q.bestCode && names.has(q.bestCode) ? { code: q.bestCode, name: names.get(q.bestCode)! } : null,
  }));
  return { rows, total };
}
