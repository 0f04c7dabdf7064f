/**
 * Background jobs. Job definitions are written once (`defineJob`) and run either on BullMQ
 * (when REDIS_URL is set; any instance with the worker role picks them up) or in-process
 * with the same retry/backoff semantics (embedded default). A job that exhausts its
 * attempts is recorded in the `failed_job` table, never dropped silently.
 */
export interface JobOptions {
  /** Total attempts including the first (default 5). */
  attempts?: number;
  /** Exponential backoff base delay in ms (default 1000): delay = base * 2^(attempt-1). */
  backoffMs?: number;
  /** Delay before the first attempt, in ms. */
  delayMs?: number;
  /**
   * Idempotency key: a second enqueue with the same id while the first is pending, running
   * or completed is ignored (BullMQ jobId semantics). A job that finally failed gives its id
   * back (its record is in `failed_job`): the work it stood for is not done, and whoever
   * enqueues it again by the same id (a sweep of pending rows) must get a job, not a no-op.
   */
  jobId?: string;
}

export interface JobContext {
  /** 1-based attempt number. */
  attempt: number;
  jobId: string;
}

export interface JobDefinition<P> {
  name: string;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  defaults?: JobOptions;
}

export interface RepeatOptions {
  /** Run every N milliseconds. */
  everyMs: number;
}

export interface JobQueue {
  /** Register a job definition (before `start`). */
  register<P>(def: JobDefinition<P>): void;
  enqueue<P>(name: string, payload: P, opts?: JobOptions): Promise<void>;
  /** Schedule a registered job to repeat (supervision scans etc.). Only one instance runs each tick. */
  repeat(name: string, opts: RepeatOptions): Promise<void>;
  /** Start processing (worker role). */
  start(): Promise<void>;
  /**
   * Wait until no job is running or waiting (tests, graceful shutdown), delayed ones and
   * retries included; the next tick of a `repeat` is not waited for.
   */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const defineJob = <P>(def: JobDefinition<P>): JobDefinition<P> => def;
