import type { QuestionLogPort } from "../search/ports";
import type { Reply } from "./types";
import type { Session } from "./session";

type LogEntry = Parameters<QuestionLogPort["record"]>[0];

interface Entry {
  reply: Reply;
  /** The session as the answer left it (JSON). */
  session: string;
  /** Questions the answer logged as not found / low confidence: logged again on every hit. */
  logged: LogEntry[];
  version: string;
  at: number;
}

export interface AnswerCacheOptions {
  /** Most answers kept (least recently used go first); 0 turns the cache off. */
  maxEntries: number;
  /** An entry is recomputed after this long even if no change was announced. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Citizens ask the same questions over and over ("社保卡怎么办", "身份证丢了怎么补"), and
 * understanding one (aspect cues, search, scoring, rendering) costs about a millisecond of CPU.
 * An answer depends only on the question, the conversation so far (current item, region,
 * offered choices) and the published catalog, so each instance remembers recent answers keyed
 * by (language, question, session before) and replays them — reply, session after, and the
 * unanswered-question log entries, which are still counted on every ask. Replies come out
 * frozen: the same object on every hit, which no caller can change for the next.
 *
 * Staleness: the key carries the catalog's version (the search index's generation and the
 * count of catalog change events this instance has seen), so a published edit is answered
 * afresh as soon as this instance's index has it; `clear()` on the change events frees the
 * memory, and a TTL bounds the age of any entry should an event be missed.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: AnswerCacheOptions) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The answer to `question` in this conversation state: replayed when known, otherwise
   * computed by `compute` (which must be deterministic in these inputs) and remembered.
   */
  async answer(
    key: { lang: string; question: string; /** The session before, as the stored JSON text. */ sessionJson: string; version: string },
    log: QuestionLogPort,
    compute: (log: QuestionLogPort) => Promise<{ reply: Reply; session: Session }>,
  ): Promise<Answered> {
    if (this.options.maxEntries <= 0) return answered(await compute(log));
    const k = `${key.lang}\u0000${key.question}\u0000${key.sessionJson}`;
    const hit = this.entries.get(k);
    if (hit && hit.version === key.version && this.now() - hit.at < this.ttlMs) {
      this.hits++;
      // Least recently used goes first: a hit moves to the end.
      this.entries.delete(k);
      this.entries.set(k, hit);
      for (const e of hit.logged) await log.record(e);
      // The session after is kept, handed back and saved as text: no parse/stringify round trip.
      // The reply is read-only, so every hit hands out the same object (channels may memoise
      // what they render of it).
      return { reply: hit.reply, sessionJson: hit.session };
    }
    this.misses++;
    const logged: LogEntry[] = [];
    const recording: QuestionLogPort = {
      async record(e) {
        logged.push({ ...e });
        await log.record(e);
      },
    };
    const out = answered(await compute(recording));
    const reply = frozenCopy(out.reply);
    this.entries.delete(k);
    this.entries.set(k, { reply, session: out.sessionJson, logged, version: key.version, at: this.now() });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return { reply, sessionJson: out.sessionJson };
  }
}

/** An answer with the conversation state after it, as the JSON text that is saved. */
export interface Answered {
  reply: Reply;
  sessionJson: string;
}

export const answered = (out: { reply: Reply; session: Session }): Answered => ({ reply: out.reply, sessionJson: JSON.stringify(out.session) });

/** Replies are flat apart from their candidate list: a frozen copy, so no caller can change a remembered one. */
function frozenCopy(r: Reply): Reply {
  if ("candidates" in r && r.candidates) {
    return Object.freeze({ ...r, candidates: Object.freeze(r.candidates.map((c) => Object.freeze({ ...c }))) as { code: string; name: string }[] });
  }
  return Object.freeze({ ...r });
}
