import { isDataRefusal, type PrismaClient } from "../../platform/db";
import type { QuestionLog } from "../published";
import { normalizeQuestion } from "./normalize-question";
import { recordQuestionCounts, type QuestionCount } from "./record-question";
import { recordItemAsks, type ItemAskCount } from "./record-item-asks";
import { countDay, type DayCounts } from "./question-days";
import { writeDayCounts } from "./write-day-counts";

interface WriteOutcome {
  dropped: QuestionCount[];
  /** Rows not written because the database failed for another reason (`error`). */
  unwritten: QuestionCount[];
  error?: unknown;
  reason?: string;
}

/** A short, fixed-size name for a refusal: the SQLSTATE or the Prisma error's name. */
function refusalReason(err: unknown): string {
  const e = err as { name?: string; meta?: { driverAdapterError?: { cause?: { code?: string; originalCode?: string; kind?: string } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  return String(cause?.originalCode ?? cause?.code ?? cause?.kind ?? e?.name ?? "refused").slice(0, 40);
}

/** Distinct questions per statement: bounds the statement's size and the pause it causes. */
const ROWS_PER_WRITE = 200;

export interface BufferedQuestionLog extends QuestionLog {
  /** Counts one question asked (answered or not) for today's figures. */
  asked(): void;
  /** Write what has been counted so far. */
  flush(): Promise<void>;
  /** Stop the timer and write what is left. */
  close(): Promise<void>;
  /** Distinct questions dropped since start because the database refused their text. */
  droppedCount(): number;
}

/** What one flush could not write: a bounded summary, never the rows or the statement. */
export interface DroppedQuestions {
  /** Distinct questions dropped by this flush. */
  rows: number;
  /** Asks they stood for. */
  asks: number;
  /** The error's kind (Prisma error name or SQLSTATE), not its message, which quotes the statement. */
  reason: string;
}

export interface BufferedQuestionLogOptions {
  now?: () => Date;
  /** How often counted questions are written. */
  flushMs?: number;
  /** Distinct questions held between writes; beyond it the oldest are written early. */
  maxPending?: number;
  /** A write failed for a reason other than its data (database down): counts kept for the next flush. */
  onError: (err: unknown) => void;
  /** Questions the database refused on their own (e.g. a NUL byte); dropped, never retried. */
  onDropped?: (dropped: DroppedQuestions) => void;
}

/**
 * Unanswered questions are statistics for staff, not a citizen's data: recording one must not
 * slow the answer down, and the same popular question asked a hundred times a minute must not
 * become a hundred writes. Asks are counted in memory per normalised question and written as
 * one increment per question per flush (every second by default, and on shutdown), in one
 * statement per 200 questions. A write that fails because the database is away keeps its counts
 * for the next flush. A write the database refuses for its data (text PostgreSQL cannot store,
 * such as NUL or a lone surrogate) is split in halves until the refused questions stand alone;
 * they are dropped and counted, the rest are written — one bad question must not hold back
 * every later one for the life of the process.
 */
export function bufferedQuestionLog(prisma: PrismaClient, options: BufferedQuestionLogOptions): BufferedQuestionLog {
  const now = options.now ?? (() => new Date());
  const flushMs = options.flushMs ?? 1000;
  const maxPending = options.maxPending ?? 10_000;
  let pending = new Map<string, QuestionCount>();
  // Answered asks are counts per item, written beside the unanswered questions.
  let asks = new Map<string, ItemAskCount>();
  // Every question asked and every unanswered one, per day (the dashboard's answered share).
  let days: DayCounts = new Map();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  let dropped = 0;

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
    const askBatch = asks;
    asks = new Map();
    const dayBatch = days;
    days = new Map();
    // One flush at a time, in order: counts are increments, so order does not matter for the
    // totals, but a second flush must not race a failing first one that puts counts back.
    writing = writing.then(async () => {
      // Day counts are plain numbers: kept for the next flush when a write fails, like the questions.
      const keepDays = () => {
        if (!closed) for (const [day, c] of dayBatch) days.set(day, { asked: (days.get(day)?.asked ?? 0) + c.asked, unanswered: (days.get(day)?.unanswered ?? 0) + c.unanswered });
      };
      if (askBatch.size) {
        try {
          await recordItemAsks(prisma, [...askBatch.values()]);
        } catch (err) {
          // Codes come from our own catalog, so a failure is the database's: keep them for the next flush.
          options.onError(err);
          if (!closed) for (const a of askBatch.values()) countAsk(a.code, a.count, a.at);
          schedule();
        }
      }
      const rows = [...batch.values()];
      for (let i = 0; i < rows.length; i += ROWS_PER_WRITE) {
        const outcome = await writeIsolating(rows.slice(i, i + ROWS_PER_WRITE));
        if (outcome.dropped.length) report(outcome.dropped, outcome.reason);
        if (outcome.unwritten.length) {
          // One report per flush: the database is likely down for the rest too. Keep the
          // counts for the next flush (unless closing: nothing is left to retry then).
          options.onError(outcome.error);
          keepDays();
          if (!closed) {
            for (const rest of [...outcome.unwritten, ...rows.slice(i + ROWS_PER_WRITE)]) if (pending.size < maxPending) add(rest.normalized, rest);
            schedule();
          }
          return;
        }
        // The embedded database runs on this thread: let waiting requests in between writes.
        if (i + ROWS_PER_WRITE < rows.length) await new Promise((r) => setImmediate(r));
      }
      try {
        await writeDayCounts(prisma, dayBatch);
      } catch (err) {
        options.onError(err);
        keepDays();
        schedule();
      }
    });
    return writing;
  };

  /**
   * Writes `rows`; on a data refusal writes each half on its own, down to single rows, which
   * are dropped. A refused batch of n rows with k bad ones costs about 2·k·log2(n) statements.
   * Stops at the first failure that is not about the data, returning what is left unwritten.
   */
  const writeIsolating = async (rows: QuestionCount[]): Promise<WriteOutcome> => {
    try {
      await recordQuestionCounts(prisma, rows);
      return { dropped: [], unwritten: [] };
    } catch (err) {
      if (!isDataRefusal(err)) return { dropped: [], unwritten: rows, error: err };
      if (rows.length === 1) return { dropped: rows, unwritten: [], reason: refusalReason(err) };
    }
    const half = Math.ceil(rows.length / 2);
    const first = await writeIsolating(rows.slice(0, half));
    if (first.unwritten.length) return { ...first, unwritten: [...first.unwritten, ...rows.slice(half)] };
    const second = await writeIsolating(rows.slice(half));
    return { ...second, dropped: [...first.dropped, ...second.dropped], reason: first.reason ?? second.reason };
  };

  const report = (rows: QuestionCount[], reason = "refused") => {
    dropped += rows.length;
    options.onDropped?.({ rows: rows.length, asks: rows.reduce((n, r) => n + r.count, 0), reason });
  };

  const schedule = () => {
    if (closed) return;
    timer ??= setTimeout(() => void flush(), flushMs);
    timer.unref?.();
  };

  const countAsk = (code: string, count: number, at: Date) => {
    const seen = asks.get(code);
    asks.set(code, { code, count: (seen?.count ?? 0) + count, at: seen && seen.at > at ? seen.at : at });
  };

  return {
    asked() {
      if (closed) return;
      countDay(days, now(), "asked");
      schedule();
    },
    async record(e) {
      if (closed) return;
      if (e.outcome === "answered") {
        // Bounded by the catalog's size: codes are items chat answered with.
        if (e.bestCode) countAsk(e.bestCode, 1, now());
        schedule();
        return;
      }
      countDay(days, now(), "unanswered");
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
    droppedCount: () => dropped,
  };
}
