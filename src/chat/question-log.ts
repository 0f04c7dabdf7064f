import type { QuestionLogPort, QuestionOutcome } from "../search/ports";

/** In-memory QuestionLogPort (tests, eval): de-duplicated by normalised question, counted. */
export class MemoryQuestionLog implements QuestionLogPort {
  readonly entries = new Map<string, { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string; count: number }>();

  async record(e: { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string }): Promise<void> {
    const key = e.question.normalize("NFKC").replace(/[\s\p{P}]+/gu, "").toLowerCase();
    const prev = this.entries.get(key);
    this.entries.set(key, { ...e, count: (prev?.count ?? 0) + 1 });
  }
}
