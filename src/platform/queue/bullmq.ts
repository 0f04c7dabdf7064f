import { Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { JobDefinition, JobOptions, JobQueue, RepeatOptions } from "./types";
import type { FailedJobSink } from "./failed";
import { beforeDeadline, REDIS_COMMAND_TIMEOUT_MS, REDIS_READY_WAIT_MS, whenReady } from "../redis-bound";
import { DependencyUnavailableError } from "../unavailable";

/** How often the repeating jobs' schedulers are checked (besides after every reconnect). */
const REPEAT_CHECK_MS = 30_000;

/**
 * BullMQ-backed queue: jobs survive restarts and are shared by every worker instance.
 * Repeating jobs use job schedulers, so N instances produce one run per tick, not N.
 *
 * While Redis is down, `enqueue` fails within `readyWaitMs` (DependencyUnavailableError)
 * instead of waiting in the connection's offline queue until Redis returns: work is committed
 * to the database first, and the sweeps enqueue what was lost (issue 16, defect 5).
 * A Redis restarted without persistence has forgotten the job schedulers: each instance
 * re-creates the missing ones after every reconnect and every REPEAT_CHECK_MS (defect 6).
 */
export class BullQueue implements JobQueue {
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly queue: Queue;
  private worker?: Worker;
  private active = 0;
  /** Repeating jobs this instance asked for; re-ensured after Redis lost them. */
  private readonly repeats = new Map<string, RepeatOptions>();
  private repeatTimer?: NodeJS.Timeout;
  private watchingReconnects = false;

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly onFailed: FailedJobSink = async () => {},
    private readonly queueName = "zw-jobs",
    private readonly concurrency = 8,
    private readonly readyWaitMs = REDIS_READY_WAIT_MS,
    private readonly closeGraceMs = CLOSE_GRACE_MS,
  ) {
    this.queue = new Queue(queueName, { connection });
    this.queue.on("error", () => {});
  }

  register<P>(def: JobDefinition<P>): void {
    this.defs.set(def.name, def as JobDefinition<unknown>);
  }

  async enqueue<P>(name: string, payload: P, opts: JobOptions = {}): Promise<void> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`Unknown job "${name}"`);
    const o = { ...def.defaults, ...opts };
    await this.bounded(`enqueue ${name}`, () => this.queue.add(name, payload, {
      jobId: o.jobId?.replace(/:/g, "_"), // BullMQ reserves ":" in custom ids
      attempts: o.attempts ?? 5,
      backoff: { type: "exponential", delay: o.backoffMs ?? 1000 },
      delay: o.delayMs,
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      // A finally failed job with a caller's id is removed, so the id can be enqueued again
      // (JobOptions.jobId); failed_job keeps the record. Anonymous ones stay a week to inspect.
      removeOnFail: o.jobId ? true : { age: 7 * 24 * 3600 },
    }));
  }

  /**
   * A queue operation on a ready connection (waiting `readyWaitMs` at most for one), answered
   * within REDIS_COMMAND_TIMEOUT_MS: BullMQ's connection queues commands without a bound.
   */
  private async bounded<T>(what: string, op: () => Promise<T>): Promise<T> {
    const ready = Date.now() + this.readyWaitMs;
    const client = await beforeDeadline(this.queue.getBackend().client, ready, what, "queue");
    if (client.status !== "ready") await whenReady(client, ready, what, "queue");
    return beforeDeadline(op(), Date.now() + REDIS_COMMAND_TIMEOUT_MS, what, "queue");
  }

  /**
   * Remembered, then created; while Redis is down the scheduler is created by the next
   * reconnect or check instead, so a start during an outage does not fail on it.
   */
  async repeat(name: string, opts: RepeatOptions): Promise<void> {
    this.repeats.set(name, opts);
    this.watchRepeats();
    try {
      await this.bounded(`repeat ${name}`, () => this.upsertScheduler(name, opts));
    } catch (err) {
      if (!(err instanceof DependencyUnavailableError)) throw err;
    }
  }

  private upsertScheduler(name: string, opts: RepeatOptions) {
    return this.queue.upsertJobScheduler(`repeat-${name}`, { every: opts.everyMs }, { name, data: {}, opts: { attempts: 1 } });
  }

  private watchRepeats(): void {
    if (this.watchingReconnects) return;
    this.watchingReconnects = true;
    void this.queue
      .getBackend()
      .client.then((client) => client.on("ready", () => void this.ensureRepeats()))
      .catch(() => {});
    this.repeatTimer = setInterval(() => void this.ensureRepeats(), REPEAT_CHECK_MS);
    this.repeatTimer.unref();
  }

  /**
   * Re-creates the schedulers of this instance's repeating jobs that Redis no longer has (a
   * restart without persistence, a flush); existing ones are left as they are, so their next
   * tick is not moved. Returns how many were re-created.
   */
  async ensureRepeats(): Promise<number> {
    let restored = 0;
    for (const [name, opts] of this.repeats) {
      try {
        const existing = await this.bounded(`check repeat ${name}`, () => this.queue.getJobScheduler(`repeat-${name}`));
        if (existing) continue;
        await this.bounded(`repeat ${name}`, () => this.upsertScheduler(name, opts));
        restored++;
      } catch {
        // Redis is away again: the next reconnect or check retries.
      }
    }
    return restored;
  }

  async start(): Promise<void> {
    this.worker = new Worker(
      this.queueName,
      async (job: Job) => {
        const def = this.defs.get(job.name);
        if (!def) throw new Error(`Unknown job "${job.name}"`);
        this.active++;
        try {
          await def.handler(job.data, { attempt: job.attemptsMade + 1, jobId: job.id ?? "" });
        } finally {
          this.active--;
        }
      },
      { connection: this.connection, concurrency: this.concurrency },
    );
    this.worker.on("error", () => {});
    this.worker.on("failed", (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        void this.onFailed({ queue: this.queueName, name: job.name, payload: job.data, error: String(err?.stack ?? err), attempts: job.attemptsMade }).catch(() => {});
      }
    });
    await this.worker.waitUntilReady();
  }

  async drain(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if ((this.active === 0 && (await this.pending()) === 0) || Date.now() > until) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Jobs still to run: waiting, active, prioritized and delayed (a retry's backoff, a delayMs),
   * but not a repeating job's next tick. A job scheduler always keeps its next run as a delayed
   * job, so counting it kept drain() waiting until its timeout whenever a scan was scheduled;
   * a tick that is due is promoted to waiting and counted. The in-process queue's repeats are
   * timers, not jobs, so both queues drain alike.
   */
  private async pending(): Promise<number> {
    const c = await this.queue.getJobCounts("waiting", "active", "delayed", "prioritized");
    const all = Object.values(c).reduce((a, b) => a + b, 0);
    if (!c.delayed) return all;
    const nextTicks = (await this.queue.getDelayed()).filter((j) => j.repeatJobKey).length;
    return all - nextTicks;
  }

  async close(): Promise<void> {
    clearInterval(this.repeatTimer);
    // Worker.close waits for the jobs in progress to finish (graceful shutdown). It can also
    // wait forever on a connection still reconnecting after Redis went away (taskforcesh/bullmq
    // #2430, #4656): after CLOSE_GRACE_MS the connections are dropped, so an instance always stops.
    if (this.worker) await this.closeOrDrop(this.worker, "closing the worker");
    await this.closeOrDrop(this.queue, "closing the queue");
  }

  private async closeOrDrop(part: Worker | Queue, what: string): Promise<void> {
    try {
      await beforeDeadline(part.close(), Date.now() + this.closeGraceMs, what, "queue");
    } catch {
      await beforeDeadline(part.disconnect(), Date.now() + DROP_WAIT_MS, what, "queue").catch(() => {});
    }
  }

  /** Test helper: remove every job of this queue. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}

/** How long closing waits for jobs in progress and for Redis before dropping the connections. */
const CLOSE_GRACE_MS = 15_000;
/** …and for dropping them (disconnecting can hang on the same reconnecting client). */
const DROP_WAIT_MS = 2_000;
