import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";

/** One unanswered question by id (question_not_found when already resolved). */
export async function getQuestion(opts: { prisma: PrismaClient; id: string }) {
  const q = await opts.prisma.unansweredQuestion.findUnique({ where: { id: opts.id } });
  if (!q) throw catalogErrors("question_not_found", { id: opts.id });
  return q;
}
