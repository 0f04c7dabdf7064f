import { normalizeQuestion } from "../catalog";
import type { QuestionLogPort, QuestionOutcome } from "./ports";

/** In-memory QuestionLogPort (tests, eval): de-duplicated by normalised question as in the database, counted. */
export class MemoryQuestionLog implements QuestionLogPort {
  readonly entries = new Map<string, { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string; count: number }>();

  async record(e: { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string }): Promise<void> {
    const key = normalizeQuestion(e.question);
    const prev = this.entries.get(key);
    this.entries.set(key, { ...e, count: (prev?.count ?? 0) + 1 });
  }
}
