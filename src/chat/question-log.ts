import { normalizeQuestion } from "../catalog";
import type { QuestionLogPort, QuestionOutcome } from "./ports";

/**
 * In-memory QuestionLogPort (tests, eval): unanswered questions de-duplicated by normalised
 * question as in the database, counted; answered ones counted per item, as the database does.
 */
export class MemoryQuestionLog implements QuestionLogPort {
  readonly entries = new Map<string, { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string; count: number }>();
  readonly itemAsks = new Map<string, number>();

  async record(e: { question: string; outcome: QuestionOutcome; lang: string; bestCode?: string }): Promise<void> {
    if (e.outcome === "answered") {
      if (e.bestCode) this.itemAsks.set(e.bestCode, (this.itemAsks.get(e.bestCode) ?? 0) + 1);
      return;
    }
    const key = normalizeQuestion(e.question);
    const prev = this.entries.get(key);
    this.entries.set(key, { ...e, count: (prev?.count ?? 0) + 1 });
  }
}
