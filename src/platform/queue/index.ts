import { BullQueue } from "./bullmq";
import { MemoryQueue } from "./memory";
import type { FailedJobSink } from "./failed";
import type { JobQueue } from "./types";

export * from "./types";
export { MemoryQueue } from "./memory";
export { BullQueue } from "./bullmq";
export { failedJobTable, type FailedJobSink, type FailedJobRecord } from "./failed";

export function createQueue(redisUrl: string | undefined, onFailed: FailedJobSink, queueName?: string): JobQueue {
  if (!redisUrl) return new MemoryQueue(onFailed);
  // BullMQ needs its own connections with maxRetriesPerRequest: null (blocking commands).
  const u = new URL(redisUrl);
  return new BullQueue(
    {
      host: u.hostname,
      port: Number(u.port || 6379),
      password: u.password ? decodeURIComponent(u.password) : undefined,
      username: u.username ? decodeURIComponent(u.username) : undefined,
      db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
      tls: u.protocol === "rediss:" ? {} : undefined,
      maxRetriesPerRequest: null,
      // Reconnect within 2 s of Redis coming back (BullMQ's default backs off up to 20 s, and
      // enqueues fail, bounded, until then).
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    },
    onFailed,
    queueName,
  );
}
