import { Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { JobDefinition, JobOptions, JobQueue, RepeatOptions } from "./types";
import type { FailedJobSink } from "./failed";

/**
 * BullMQ-backed queue: jobs survive restarts and are shared by every worker instance.
 * Repeating jobs use job schedulers, so N instances produce one run per tick, not N.
 */
export class BullQueue implements JobQueue {
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly queue: Queue;
  private worker?: Worker;
  private active = 0;

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly onFailed: FailedJobSink = async () => {},
    private readonly queueName = "zw-jobs",
    private readonly concurrency = 8,
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
    await this.queue.add(name, payload, {
      jobId: o.jobId?.replace(/:/g, "_"), // BullMQ reserves ":" in custom ids
      attempts: o.attempts ?? 5,
      backoff: { type: "exponential", delay: o.backoffMs ?? 1000 },
      delay: o.delayMs,
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      // A finally failed job with a caller's id is removed, so the id can be enqueued again
      // (JobOptions.jobId); failed_job keeps the record. Anonymous ones stay a week to inspect.
      removeOnFail: o.jobId ? true : { age: 7 * 24 * 3600 },
    });
  }

  async repeat(name: string, opts: RepeatOptions): Promise<void> {
    await this.queue.upsertJobScheduler(`repeat-${name}`, { every: opts.everyMs }, { name, data: {}, opts: { attempts: 1 } });
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
    // Worker.close waits for the jobs in progress to finish (graceful shutdown).
    await this.worker?.close();
    await this.queue.close();
  }

  /** Test helper: remove every job of this queue. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}
