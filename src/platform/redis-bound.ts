import { DependencyUnavailableError } from "./unavailable";

/**
 * How long an operation waits for a Redis connection that is down before it fails as
 * DependencyUnavailableError: intake then answers within a bounded time instead of waiting in
 * ioredis' offline queue until Redis returns (issue 16, defect 5).
 */
export const REDIS_READY_WAIT_MS = 1000;

/**
 * How long a command sent on a ready connection may take. Redis answers in well under a
 * millisecond; the bound is for a server that stopped answering without closing the
 * connection, and is generous because a busy process (an index build, a 2-core CI) can stall
 * its own event loop for a second or more and must not then call a healthy Redis "down".
 */
export const REDIS_COMMAND_TIMEOUT_MS = 2500;

/** The part of an ioredis client (or BullMQ's RedisClient) this needs. */
export interface StatusClient {
  status: string;
  once(event: "ready", listener: () => void): unknown;
}

const nextReady = new WeakMap<StatusClient, Promise<void>>();

/** `p`, or DependencyUnavailableError once `deadline` (epoch ms) has passed. */
export async function beforeDeadline<T>(p: Promise<T>, deadline: number, what: string, dependency: "redis" | "queue" = "redis"): Promise<T> {
  const ms = Math.max(0, deadline - Date.now());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DependencyUnavailableError(dependency, `${what}: no answer from Redis within the bound`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves when `client` is connected; fails at `deadline`. While Redis is down a command is
 * never sent (it would sit in the offline queue and run whenever Redis comes back, long after
 * the caller gave up); one shared "ready" listener per client serves every waiter.
 */
export async function whenReady(client: StatusClient, deadline: number, what: string, dependency: "redis" | "queue" = "redis"): Promise<void> {
  if (client.status === "ready") return;
  let ready = nextReady.get(client);
  if (!ready) {
    ready = new Promise<void>((resolve) =>
      client.once("ready", () => {
        nextReady.delete(client);
        resolve();
      }),
    );
    nextReady.set(client, ready);
  }
  await beforeDeadline(ready, deadline, what, dependency);
}

/** ioredis errors that mean "no connection", not "bad command". */
export const isRedisConnectionError = (err: unknown): boolean =>
  /Command timed out|MaxRetriesPerRequest|max retries per request|Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/i.test(
    `${(err as { name?: string })?.name ?? ""} ${(err as { message?: string })?.message ?? ""} ${(err as { code?: string })?.code ?? ""}`,
  );
