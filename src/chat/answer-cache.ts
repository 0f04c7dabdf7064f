import type { QuestionLogPort } from "./ports";
import { deepFreeze } from "../platform/frozen";
import type { Reply } from "./types";
import type { Session } from "./session";

type LogEntry = Parameters<QuestionLogPort["record"]>[0];

interface Entry {
  /** Where it is filed: the session before, and the language and question. */
  state: string;
  ask: string;
  /** Asked again since eviction last passed it (its second chance). */
  used: boolean;
  reply: Reply;
  /** The session as the answer left it (JSON). */
  session: string;
  /** Questions the answer logged as not found / low confidence: logged again on every hit. */
  logged: LogEntry[];
  version: string;
  at: number;
}

export interface AnswerCacheOptions {
  /** Most answers kept (beyond it, the oldest not asked again lately go first); 0 turns the cache off. */
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
  /** Session before (JSON) → language + question → answer. */
  private readonly byState = new Map<string, Map<string, Entry>>();
  /** Every entry, oldest first: eviction's queue. */
  private readonly order = new Set<Entry>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: AnswerCacheOptions) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.order.size };
  }

  clear(): void {
    this.byState.clear();
    this.order.clear();
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
    // Filed by the session text first: a session read from the in-process store is the very
    // string saved after the last answer, whose hash is already computed.
    const ask = `${key.lang}\u0000${key.question}`;
    const hit = this.byState.get(key.sessionJson)?.get(ask);
    if (hit && hit.version === key.version && this.now() - hit.at < this.ttlMs) {
      this.hits++;
      hit.used = true;
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
    const entry: Entry = { state: key.sessionJson, ask, used: false, reply: frozenCopy(out.reply), session: out.sessionJson, logged, version: key.version, at: this.now() };
    this.file(entry);
    return { reply: entry.reply, sessionJson: out.sessionJson };
  }

  /**
   * Files an entry (replacing one under the same key) and evicts beyond maxEntries: the
   * oldest entry not asked again since eviction last passed it — an entry that was is moved
   * to the back instead (second chance, the CLOCK approximation of least-recently-used, so a
   * hit only sets a flag rather than reordering the queue).
   */
  private file(entry: Entry): void {
    let answers = this.byState.get(entry.state);
    if (!answers) this.byState.set(entry.state, (answers = new Map()));
    const old = answers.get(entry.ask);
    if (old) this.order.delete(old);
    else this.evictDownTo(this.options.maxEntries - 1); // room first, so the sweep never takes the newcomer
    answers.set(entry.ask, entry);
    this.order.add(entry);
  }

  private evictDownTo(size: number): void {
    while (this.order.size > size) {
      const oldest = this.order.values().next().value as Entry;
      this.order.delete(oldest);
      if (oldest.used) {
        oldest.used = false;
        this.order.add(oldest);
        continue;
      }
      const filed = this.byState.get(oldest.state);
      filed?.delete(oldest.ask);
      if (filed?.size === 0) this.byState.delete(oldest.state);
    }
  }
}

/** An answer with the conversation state after it, as the JSON text that is saved. */
export interface Answered {
  reply: Reply;
  sessionJson: string;
}

export const answered = (out: { reply: Reply; session: Session }): Answered => ({ reply: out.reply, sessionJson: JSON.stringify(out.session) });

/** A frozen copy (the computed reply may share its lists with others), so no caller can change a remembered one. */
const frozenCopy = (r: Reply): Reply => deepFreeze(structuredClone(r)) as Reply;
