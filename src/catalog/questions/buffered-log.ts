import type { PrismaClient } from "../../platform/db";
import type { QuestionLogPort } from "../../search/ports";
import { normalizeQuestion, recordQuestionCounts, type QuestionCount } from "./questions";

type Entry = Parameters<QuestionLogPort["record"]>[0];

/** Distinct questions per statement: bounds the statement's size and the pause it causes. */
const ROWS_PER_WRITE = 200;

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
 * one increment per question per flush (every second by default, and on shutdown), in one
 * statement per 200 questions. A failed write keeps its counts for the next flush.
 */
export function bufferedQuestionLog(prisma: PrismaClient, options: BufferedQuestionLogOptions): BufferedQuestionLog {
  const now = options.now ?? (() => new Date());
  const flushMs = options.flushMs ?? 1000;
  const maxPending = options.maxPending ?? 10_000;
  let pending = new Map<string, QuestionCount>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  const add = (key: string, e: QuestionCount) => {
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
      const rows = [...batch.values()];
      for (let i = 0; i < rows.length; i += ROWS_PER_WRITE) {
        try {
          await recordQuestionCounts(prisma, rows.slice(i, i + ROWS_PER_WRITE));
        } catch (err) {
          // One report per flush: the database is likely down for the rest too. Keep the
          // counts for the next flush (unless closing: nothing is left to retry then).
          options.onError(err);
          if (!closed) {
            for (const rest of rows.slice(i)) if (pending.size < maxPending) add(rest.normalized, rest);
            schedule();
          }
          return;
        }
        // The embedded database runs on this thread: let waiting requests in between writes.
        if (i + ROWS_PER_WRITE < rows.length) await new Promise((r) => setImmediate(r));
      }
    });
    return writing;
  };

  const schedule = () => {
    if (closed) return;
    timer ??= setTimeout(() => void flush(), flushMs);
    timer.unref?.();
  };

  return {
    async record(e) {
      if (closed) return;
      const key = normalizeQuestion(e.question);
      if (!key) return;
      add(key, { ...e, normalized: key, count: 1, at: now() });
      if (pending.size >= maxPending) void flush();
      else schedule();
    },
    flush,
    close() {
      closed = true;
      return flush();
    },
  };
}
