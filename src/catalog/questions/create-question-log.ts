import type { PrismaClient } from "../../platform/db";
import type { QuestionLog } from "../published";
import { recordQuestion } from "./record-question";

/** The question log written straight through: de-duplicated, counted unanswered questions for staff (buffered-log.ts batches them). */
export function createQuestionLog(prisma: PrismaClient, now: () => Date = () => new Date()): QuestionLog {
  return { record: (e) => recordQuestion({ prisma, ...e, now: now() }) };
}
