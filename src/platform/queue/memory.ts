import crypto from "node:crypto";
import type { JobDefinition, JobOptions, JobQueue, RepeatOptions } from "./types";
import type { FailedJobSink } from "./failed";

interface Pending {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
  /** The caller named the job (jobId): its id is remembered in `seen`. */
  explicitId: boolean;
  opts: Required<Pick<JobOptions, "attempts" | "backoffMs">>;
}

/**
 * In-process job queue for the embedded mode: the same job definitions as on BullMQ, with
 * retries and exponential backoff. Jobs live in memory, so work accepted here must already be
 * committed to the database by the caller (outbox rows, notification rows) — the queue only
 * drives it, and a restart re-enqueues pending work from those rows.
 */
export class MemoryQueue implements JobQueue {
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly seen = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private waiting = 0;
  private started = false;
  private closed = false;
  private readonly backlog: Pending[] = [];

  constructor(private readonly onFailed: FailedJobSink = async () => {}) {}

  register<P>(def: JobDefinition<P>): void {
    this.defs.set(def.name, def as JobDefinition<unknown>);
  }

  async enqueue<P>(name: string, payload: P, opts: JobOptions = {}): Promise<void> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`Unknown job "${name}"`);
    if (this.closed) throw new Error("Queue is closed");
    const o = { ...def.defaults, ...opts };
    const id = o.jobId ?? crypto.randomUUID();
    if (o.jobId) {
      if (this.seen.has(o.jobId)) return;
      this.seen.set(o.jobId, Date.now());
      if (this.seen.size > 100_000) this.seen.delete(this.seen.keys().next().value as string);
    }
    const job: Pending = { id, name, payload, attempt: 1, explicitId: Boolean(o.jobId), opts: { attempts: o.attempts ?? 5, backoffMs: o.backoffMs ?? 1000 } };
    this.schedule(job, o.delayMs ?? 0);
  }

  async repeat(name: string, opts: RepeatOptions): Promise<void> {
    const t = setInterval(() => {
      if (this.started && !this.closed) void this.enqueue(name, {}, { attempts: 1 }).catch(() => {});
    }, opts.everyMs);
    t.unref();
    this.timers.add(t);
  }

  private schedule(job: Pending, delayMs: number): void {
    this.waiting++;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.waiting--;
      if (!this.started) {
        this.backlog.push(job);
        return;
      }
      this.run(job);
    }, delayMs);
    this.timers.add(t);
  }

  private run(job: Pending): void {
    const def = this.defs.get(job.name)!;
    const p = (async () => {
      try {
        await def.handler(job.payload, { attempt: job.attempt, jobId: job.id });
      } catch (e) {
        if (job.attempt < job.opts.attempts && !this.closed) {
          const delay = job.opts.backoffMs * 2 ** (job.attempt - 1);
          this.schedule({ ...job, attempt: job.attempt + 1 }, delay);
        } else {
          // The id is free again once the job has finally failed (JobOptions.jobId).
          if (job.explicitId) this.seen.delete(job.id);
          await this.onFailed({ queue: "memory", name: job.name, payload: job.payload, error: String((e as Error)?.stack ?? e), attempts: job.attempt }).catch(() => {});
        }
      }
    })();
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  async start(): Promise<void> {
    this.started = true;
    for (const job of this.backlog.splice(0)) this.run(job);
  }

  async drain(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((this.running.size > 0 || this.waiting > 0 || this.backlog.length > 0) && Date.now() < until) {
      if (this.running.size) await Promise.race([...this.running, sleep(50)]);
      else await sleep(10);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t);
      clearInterval(t);
    }
    this.timers.clear();
    this.waiting = 0;
    await Promise.allSettled([...this.running]);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
