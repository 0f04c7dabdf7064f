import type { PrismaClient } from "../../platform/db";
import type { QuestionOutcome } from "../published";

/** Unanswered questions for staff, most asked first. */
export async function listQuestions(opts: { prisma: PrismaClient; outcome?: QuestionOutcome; page: number; pageSize: number }) {
  const where = opts.outcome ? { outcome: opts.outcome } : {};
  const [questions, total] = await Promise.all([
    opts.prisma.unansweredQuestion.findMany({
      where,
      orderBy: [{ count: "desc" }, { lastAskedAt: "desc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    opts.prisma.unansweredQuestion.count({ where }),
  ]);
  return { questions, total };
}
