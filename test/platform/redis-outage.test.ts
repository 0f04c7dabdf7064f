import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { createQueue, defineJob, type BullQueue } from "../../src/platform/queue";
import { RedisStore } from "../../src/platform/store";
import { DependencyUnavailableError } from "../../src/platform/unavailable";
import { startThrowawayRedis, type ThrowawayRedis } from "../support/throwaway-servers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await sleep(50);
  }
}
/** Settles `p` and says how long that took. */
async function timed(p: Promise<unknown>): Promise<{ ms: number; error?: unknown }> {
  const t0 = Date.now();
  try {
    await p;
    return { ms: Date.now() - t0 };
  } catch (error) {
    return { ms: Date.now() - t0, error };
  }
}

/**
 * Redis down and back, on a throwaway server of its own (never the shared one): store and
 * queue operations fail within their bound while it is down (issue 16, defect 5), and the
 * repeating jobs' schedulers, which a restart without persistence loses, come back (defect 6).
 */
describe.runIf(serversUp("redis-server"))("Redis outage: bounded store and queue operations, repeating jobs re-ensured", () => {
  let redis: ThrowawayRedis;
  let store: RedisStore;
  let queue: BullQueue;
  const ticks: number[] = [];
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    store = RedisStore.connect(redis.url, "zwt:");
    queue = createQueue(redis.url, async () => {}, "zwt-outage") as BullQueue;
    queue.register(defineJob({ name: "tick", handler: async () => void ticks.push(Date.now()), defaults: { attempts: 1 } }));
    queue.register(defineJob({ name: "work", handler: async () => {}, defaults: { attempts: 1 } }));
    await queue.start();
    await queue.repeat("tick", { everyMs: 300 });
  });
  afterAll(async () => {
    await redis.start();
    await Promise.race([Promise.allSettled([queue?.close(), store?.close()]), sleep(10_000)]);
    await redis?.close();
  });

  it("fails store and queue operations within the bound while Redis is down, and works again after it is back", async () => {
    await store.set("k", "v");
    expect(await store.get("k")).toBe("v");
    await waitFor(() => ticks.length >= 2, 10_000);

    await redis.stop();
    const results = await Promise.all([
      timed(store.get("k")),
      timed(store.incrWindow("rl", 60)),
      timed(store.set("k2", "v")),
      timed(queue.enqueue("work", { n: 1 }, { jobId: "work-1" })),
    ]);
    for (const r of results) {
      expect(r.error).toBeInstanceOf(DependencyUnavailableError);
      expect(r.ms).toBeLessThan(2_000);
    }
    // Still bounded a few seconds into the outage (ioredis backing off between reconnects).
    await sleep(2_500);
    const later = await Promise.all([timed(store.get("k")), timed(queue.enqueue("work", { n: 2 }, { jobId: "work-2" }))]);
    for (const r of later) {
      expect(r.error).toBeInstanceOf(DependencyUnavailableError);
      expect(r.ms).toBeLessThan(2_000);
    }

    await redis.start();
    await waitFor(async () => (await store.ping()) === true, 10_000);
    await store.set("k", "v2");
    expect(await store.get("k")).toBe("v2");
    await queue.enqueue("work", { n: 3 }, { jobId: "work-3" });
  }, 30_000);

  it("re-creates the repeating jobs' schedulers after Redis restarted empty", async () => {
    await waitFor(() => ticks.length >= 1, 10_000);
    await redis.stop();
    await sleep(500);
    // Back, empty (no persistence): the scheduler of "tick" was lost with everything else.
    await redis.start();
    const before = ticks.length;
    await waitFor(() => ticks.length >= before + 2, 10_000);
  }, 30_000);
});
