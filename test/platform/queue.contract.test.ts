import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { BullQueue, MemoryQueue, createQueue, defineJob, type FailedJobRecord, type JobQueue } from "../../src/platform/queue";
import { testRedisUrl, testStoreKinds } from "../support/store";

function makeQueue(kind: "memory" | "redis", failed: FailedJobRecord[]): JobQueue {
  const sink = async (j: FailedJobRecord) => {
    failed.push(j);
  };
  return kind === "memory" ? new MemoryQueue(sink) : createQueue(testRedisUrl, sink, `zwtest-${crypto.randomBytes(4).toString("hex")}`);
}

describe.each(testStoreKinds())("JobQueue contract (%s)", (kind) => {
  let queue: JobQueue | undefined;
  afterEach(async () => {
    if (queue instanceof BullQueue) await queue.obliterate().catch(() => {});
    await queue?.close();
  });

  it("runs a job and retries a failing one with backoff until it succeeds", async () => {
    const failed: FailedJobRecord[] = [];
    queue = makeQueue(kind, failed);
    const attempts: number[] = [];
    const done: string[] = [];
    queue.register(
      defineJob<{ v: string }>({
        name: "flaky",
        defaults: { attempts: 3, backoffMs: 20 },
        handler: async (p, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt < 3) throw new Error("transient");
          done.push(p.v);
        },
      }),
    );
    await queue.start();
    await queue.enqueue("flaky", { v: "x" });
    await queue.drain(10_000);
    expect(attempts).toEqual([1, 2, 3]);
    expect(done).toEqual(["x"]);
    expect(failed).toHaveLength(0);
  });

  it("records a job that exhausts its attempts instead of dropping it", async () => {
    const failed: FailedJobRecord[] = [];
    queue = makeQueue(kind, failed);
    queue.register(defineJob({ name: "doomed", defaults: { attempts: 2, backoffMs: 10 }, handler: async () => { throw new Error("permanent"); } }));
    await queue.start();
    await queue.enqueue("doomed", { id: 7 });
    await queue.drain(10_000);
    await waitFor(() => failed.length === 1);
    expect(failed[0]).toMatchObject({ name: "doomed", payload: { id: 7 }, attempts: 2 });
    expect(failed[0]!.error).toContain("permanent");
  });

  it("ignores a second enqueue with the same job id while the first is pending or completed", async () => {
    queue = makeQueue(kind, []);
    let runs = 0;
    queue.register(defineJob({ name: "once", handler: async () => { runs++; } }));
    await queue.start();
    await queue.enqueue("once", {}, { jobId: "same:1" });
    await queue.enqueue("once", {}, { jobId: "same:1" });
    await queue.drain(10_000);
    expect(runs).toBe(1);
  });

  it("a job id whose job finally failed can be enqueued again (the failure is recorded); while it still retries the id is taken", async () => {
    const failed: FailedJobRecord[] = [];
    queue = makeQueue(kind, failed);
    let runs = 0;
    let broken = true;
    queue.register(
      defineJob({
        name: "fragile",
        defaults: { attempts: 2, backoffMs: 200 },
        handler: async () => {
          runs++;
          if (broken) throw new Error("database unreachable");
        },
      }),
    );
    await queue.start();
    await queue.enqueue("fragile", {}, { jobId: "turn:1" });
    await waitFor(() => runs === 1);
    await queue.enqueue("fragile", {}, { jobId: "turn:1" }); // waiting out its backoff: still the same job
    await queue.drain(10_000);
    await waitFor(() => failed.length === 1);
    expect(runs).toBe(2);

    // The work is not done: a sweep naming the same job id gets a job, not a no-op.
    broken = false;
    await queue.enqueue("fragile", {}, { jobId: "turn:1" });
    await queue.drain(10_000);
    expect(runs).toBe(3);
    expect(failed).toHaveLength(1);
    // Completed now: the id is remembered again.
    await queue.enqueue("fragile", {}, { jobId: "turn:1" });
    await queue.drain(10_000);
    expect(runs).toBe(3);
  });

  it("holds jobs enqueued before start and runs them once started", async () => {
    queue = makeQueue(kind, []);
    const seen: number[] = [];
    queue.register(defineJob<{ n: number }>({ name: "early", handler: async (p) => { seen.push(p.n); } }));
    await queue.enqueue("early", { n: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([]);
    await queue.start();
    await queue.drain(10_000);
    expect(seen).toEqual([1]);
  });

  it("lets a running job finish when the queue closes (graceful shutdown)", async () => {
    queue = makeQueue(kind, []);
    let started = false;
    let finished = false;
    queue.register(
      defineJob({
        name: "slow",
        handler: async () => {
          started = true;
          await new Promise((r) => setTimeout(r, 300));
          finished = true;
        },
      }),
    );
    await queue.start();
    await queue.enqueue("slow", {});
    await waitFor(() => started);
    await queue.close();
    expect(finished).toBe(true);
    queue = undefined;
  });

  it("drains the jobs that are due without waiting for a repeating job's next tick", async () => {
    queue = makeQueue(kind, []);
    const done: string[] = [];
    let ticks = 0;
    queue.register(defineJob({ name: "scan", defaults: { attempts: 1 }, handler: async () => void ticks++ }));
    queue.register(defineJob<{ v: string }>({ name: "work", handler: async (p) => void done.push(p.v) }));
    await queue.start();
    await queue.repeat("scan", { everyMs: 60 * 60_000 });
    await queue.enqueue("work", { v: "now" });
    await queue.enqueue("work", { v: "later" }, { delayMs: 300 }); // delayed, but not a repeat: waited for
    const started = Date.now();
    await queue.drain(8_000);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(done.sort()).toEqual(["later", "now"]);
    expect(ticks).toBeLessThanOrEqual(1); // BullMQ runs a scheduler's first tick at once; the next is an hour away
  });

  it("refuses an unknown job name", async () => {
    queue = makeQueue(kind, []);
    await expect(queue.enqueue("nope", {})).rejects.toThrow(/Unknown job/);
  });
});

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
