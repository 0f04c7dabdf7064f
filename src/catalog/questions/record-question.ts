import crypto from "node:crypto";
import { Prisma, type PrismaClient } from "../../platform/db";
import { maskText } from "../../platform/privacy";
import type { QuestionOutcome } from "../published";
import { normalizeQuestion } from "./normalize-question";

export interface RecordQuestionOptions {
  prisma: PrismaClient;
  question: string;
  outcome: QuestionOutcome;
  lang: string;
  bestCode?: string;
  now: Date;
  /** Times asked since the last write (a buffered log writes several asks at once). */
  count?: number;
  /** `normalizeQuestion(question)`, when the caller has it already. */
  normalized?: string;
}

/** Upsert by normalised text: first ask creates the row, later ones count and refresh outcome/best guess. */
export async function recordQuestion(opts: RecordQuestionOptions): Promise<void> {
  const normalized = opts.normalized ?? normalizeQuestion(opts.question);
  if (!normalized) return;
  await recordQuestionCounts(opts.prisma, [
    { normalized, question: opts.question, outcome: opts.outcome, lang: opts.lang, bestCode: opts.bestCode, count: opts.count ?? 1, at: opts.now },
  ]);
}

/** Counted asks of one normalised question, as a buffered log holds them between writes. */
export interface QuestionCount {
  normalized: string;
  question: string;
  outcome: QuestionOutcome;
  lang: string;
  bestCode?: string;
  count: number;
  at: Date;
}

/**
 * The upsert behind the question log, for many distinct questions in one statement: a buffered
 * log's flush is one round trip (and, on the embedded database, one short pause of the event
 * loop) instead of one query per question. Staff read the wording: an ID or phone number a
 * citizen typed is masked, as in logs. `rows` must not repeat a normalised text.
 */
export async function recordQuestionCounts(prisma: PrismaClient, rows: QuestionCount[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map(
    (r) =>
      Prisma.sql`(${crypto.randomUUID()}::uuid, ${r.normalized}, ${maskText(r.question.normalize("NFKC")).trim().slice(0, 500)}, ${r.outcome}, ${r.lang}, ${r.count}::int, ${r.at}::timestamptz, ${r.at}::timestamptz, ${r.bestCode ?? null})`,
  );
  await prisma.$executeRaw`
    INSERT INTO catalog_unanswered_question AS q (id, normalized, question, outcome, lang, count, first_asked_at, last_asked_at, best_code)
    VALUES ${Prisma.join(values)}
    ON CONFLICT (normalized) DO UPDATE SET
      count = q.count + EXCLUDED.count,
      outcome = EXCLUDED.outcome,
      last_asked_at = GREATEST(q.last_asked_at, EXCLUDED.last_asked_at),
      best_code = COALESCE(EXCLUDED.best_code, q.best_code)`;
}
