import { Redis } from "ioredis";
import type { KeyValueStore } from "./types";
import { isRedisConnectionError, REDIS_COMMAND_TIMEOUT_MS, REDIS_READY_WAIT_MS, whenReady } from "../redis-bound";
import { DependencyUnavailableError } from "../unavailable";

/**
 * KeyValueStore on Redis, shared by every instance. Pub/sub needs a dedicated connection
 * (a subscribed Redis connection can issue no other commands), created on first subscribe.
 */
export class RedisStore implements KeyValueStore {
  private subscriber?: Redis;
  private readonly handlers = new Map<string, Set<(m: string) => void>>();

  constructor(
    readonly client: Redis,
    /** Every key and channel starts with it ("<REDIS_PREFIX>:"); no default, so no process falls back to another namespace. */
    private readonly prefix: string,
    /** How long an operation waits for a connection that is down (redis-bound.ts). */
    private readonly readyWaitMs = REDIS_READY_WAIT_MS,
  ) {}

  static connect(url: string, prefix: string, readyWaitMs = REDIS_READY_WAIT_MS): RedisStore {
    const client = new Redis(url, {
      // Fail commands within a bound while Redis is down instead of queueing them until it is
      // back (see run()), so /readyz and callers see the outage; reconnect keeps trying.
      maxRetriesPerRequest: 2,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: false,
    });
    client.on("error", () => {
      /* reported through ping()/readyz; ioredis reconnects by itself */
    });
    return new RedisStore(client, prefix, readyWaitMs);
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  /**
   * Every command goes through here: sent only on a ready connection (waiting `readyWaitMs` at
   * most for one) and bounded by ioredis' commandTimeout — otherwise DependencyUnavailableError
   * (503 if it reaches the HTTP layer; callers that can do without Redis, like the rate
   * limiter, catch it).
   */
  private async run<T>(what: string, command: () => Promise<T>): Promise<T> {
    try {
      if (this.client.status !== "ready") await whenReady(this.client, Date.now() + this.readyWaitMs, `redis ${what}`);
      return await command();
    } catch (err) {
      if (err instanceof DependencyUnavailableError || !isRedisConnectionError(err)) throw err;
      throw new DependencyUnavailableError("redis", `redis ${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  async get(key: string): Promise<string | null> {
    return this.run("get", () => this.client.get(this.k(key)));
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    await this.run("set", () => (ttlSeconds ? this.client.set(this.k(key), value, "EX", ttlSeconds) : this.client.set(this.k(key), value)));
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (await this.run("set", () => this.client.set(this.k(key), value, "EX", ttlSeconds, "NX"))) === "OK";
  }

  async del(key: string): Promise<void> {
    await this.run("del", () => this.client.del(this.k(key)));
  }

  async ttl(key: string): Promise<number | null> {
    const t = await this.run("ttl", () => this.client.ttl(this.k(key)));
    return t < 0 ? null : t;
  }

  async expire(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.run("expire", () => this.client.expire(this.k(key), ttlSeconds))) === 1;
  }

  async incrWindow(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
    // INCR and EXPIRE NX in one round trip: the window starts at the first hit only.
    const res = await this.run("incr", () => this.client.multi().incr(this.k(key)).expire(this.k(key), windowSeconds, "NX").ttl(this.k(key)).exec());
    const count = Number(res?.[0]?.[1] ?? 0);
    const ttl = Number(res?.[2]?.[1] ?? windowSeconds);
    return { count, resetSeconds: ttl > 0 ? ttl : windowSeconds };
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run("publish", () => this.client.publish(this.k(channel), message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    if (!this.subscriber) {
      this.subscriber = this.client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      this.subscriber.on("error", () => {});
      this.subscriber.on("message", (ch: string, msg: string) => {
        for (const h of this.handlers.get(ch) ?? []) h(msg);
      });
    }
    const ch = this.k(channel);
    let set = this.handlers.get(ch);
    if (!set) {
      set = new Set();
      this.handlers.set(ch, set);
      await this.subscriber.subscribe(ch);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(ch);
        await this.subscriber?.unsubscribe(ch);
      }
    };
  }

  async ping(): Promise<boolean> {
    try {
      return (await withTimeout(this.client.ping(), 1500)) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.client.quit(), this.subscriber?.quit()]);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("timeout")), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e as Error); });
  });
}
