import type { PrismaClient } from "../../platform/db";
import type { QuestionLogPort } from "../../search/ports";
import { normalizeQuestion, recordQuestion } from "./questions";

type Entry = Parameters<QuestionLogPort["record"]>[0];

export interface BufferedQuestionLog extends QuestionLogPort {
  /** Write what has been counted so far. */
  flush(): Promise<void>;
  /** Stop the timer and write what is left. */
  close(): Promise<void>;
}

export interface BufferedQuestionLogOptions {
  now?: () => Date;
  /** How often counted questions are written. */
  flushMs?: number;
  /** Distinct questions held between writes; beyond it the oldest are written early. */
  maxPending?: number;
  onError: (err: unknown) => void;
}

/**
 * Unanswered questions are statistics for staff, not a citizen's data: recording one must not
 * slow the answer down, and the same popular question asked a hundred times a minute must not
 * become a hundred writes. Asks are counted in memory per normalised question and written as
 * one increment per question per flush (every second by default, and on shutdown). A failed
 * write keeps its counts for the next flush.
 */
export function bufferedQuestionLog(prisma: PrismaClient, options: BufferedQuestionLogOptions): BufferedQuestionLog {
  const now = options.now ?? (() => new Date());
  const flushMs = options.flushMs ?? 1000;
  const maxPending = options.maxPending ?? 10_000;
  let pending = new Map<string, Entry & { count: number; at: Date }>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const add = (key: string, e: Entry & { count: number; at: Date }) => {
    const seen = pending.get(key);
    if (!seen) pending.set(key, e);
    else pending.set(key, { ...e, bestCode: e.bestCode ?? seen.bestCode, count: seen.count + e.count, at: e.at > seen.at ? e.at : seen.at });
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Map();
    // One flush at a time, in order: counts are increments, so order does not matter for the
    // totals, but a second flush must not race a failing first one that puts counts back.
    writing = writing.then(async () => {
      for (const [key, e] of batch) {
        try {
          await recordQuestion({ prisma, question: e.question, outcome: e.outcome, lang: e.lang, bestCode: e.bestCode, now: e.at, count: e.count });
        } catch (err) {
          options.onError(err);
          if (pending.size < maxPending) add(key, e);
          schedule();
        }
      }
    });
    return writing;
  };

  const schedule = () => {
    timer ??= setTimeout(() => void flush(), flushMs);
    timer.unref?.();
  };

  return {
    async record(e) {
      const key = normalizeQuestion(e.question);
      if (!key) return;
      add(key, { ...e, count: 1, at: now() });
      if (pending.size >= maxPending) void flush();
      else schedule();
    },
    flush,
    close: flush,
  };
}
