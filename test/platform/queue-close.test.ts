import { afterAll, describe, expect, it } from "vitest";
import { BullQueue, defineJob } from "../../src/platform/queue";
import { serversUp } from "../support/servers";
import { startThrowawayRedis, type ThrowawayRedis } from "../support/throwaway-servers";

/**
 * An instance always stops: BullMQ's Worker.close() can wait forever on a connection that is
 * still reconnecting after Redis went away (taskforcesh/bullmq #2430, #4656), which once held a
 * test service's shutdown past its hook's minute. Closing drops the connections after a grace.
 */
describe.runIf(serversUp("redis-server"))("closing the BullMQ queue while Redis is away", () => {
  let redis: ThrowawayRedis | undefined;
  afterAll(async () => {
    await redis?.close();
  });

  it("ends within its grace (plus the time to drop connections), with or without Redis coming back", async () => {
    redis = await startThrowawayRedis();
    const queue = new BullQueue(
      { host: "127.0.0.1", port: redis.port, maxRetriesPerRequest: null, retryStrategy: (n: number) => Math.min(n * 200, 2000) },
      async () => {},
      `close-test-${process.pid}`,
      1,
      undefined,
      1000,
    );
    queue.register(defineJob({ name: "noop", handler: async () => {} }));
    await queue.start();
    await queue.enqueue("noop", {});
    await queue.drain(5_000);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 300));
    const t = Date.now();
    await queue.close();
    expect(Date.now() - t).toBeLessThan(1000 + 2 * 2000 + 1500);
  }, 30_000);
});
