import type { PrismaClient } from "../../platform/db";
import { writeAudit } from "../../platform/audit";
import { catalogErrors } from "../errors";

export interface ResolveQuestionOptions {
  prisma: PrismaClient;
  id: string;
  /** What staff did about it: "synonym:<id>" or "draft:<code>". */
  resolution: string;
  actor: string;
  now: Date;
}

/**
 * Takes a question off the unanswered list once staff have acted on it (a synonym added, a guide
 * started): its asks leave the count, and the question comes back only if citizens keep asking
 * it without getting an answer. The audit entry keeps the wording and how many asks it had.
 */
export async function resolveQuestion(opts: ResolveQuestionOptions): Promise<{ id: string; count: number }> {
  const { prisma, id, actor, now } = opts;
  return prisma.$transaction(async (tx) => {
    const q = await tx.unansweredQuestion.findUnique({ where: { id } });
    if (!q) throw catalogErrors("question_not_found", { id });
    await tx.unansweredQuestion.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "question.resolve", entity: "question", entityId: id, diff: { question: q.question, count: q.count, resolution: opts.resolution }, at: now });
    return { id, count: q.count };
  });
}
