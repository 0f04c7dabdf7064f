import { Redis } from "ioredis";
import type { KeyValueStore } from "./types";

/**
 * KeyValueStore on Redis, shared by every instance. Pub/sub needs a dedicated connection
 * (a subscribed Redis connection can issue no other commands), created on first subscribe.
 */
export class RedisStore implements KeyValueStore {
  private subscriber?: Redis;
  private readonly handlers = new Map<string, Set<(m: string) => void>>();

  constructor(
    readonly client: Redis,
    private readonly prefix = "zw:",
  ) {}

  static connect(url: string, prefix?: string): RedisStore {
    const client = new Redis(url, {
      // Fail commands within seconds while Redis is down instead of queueing them forever, so
      // /readyz and callers see the outage; reconnect keeps trying in the background.
      maxRetriesPerRequest: 2,
      commandTimeout: 5000,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: false,
    });
    client.on("error", () => {
      /* reported through ping()/readyz; ioredis reconnects by itself */
    });
    return new RedisStore(client, prefix);
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(this.k(key));
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds) await this.client.set(this.k(key), value, "EX", ttlSeconds);
    else await this.client.set(this.k(key), value);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    return (await this.client.set(this.k(key), value, "EX", ttlSeconds, "NX")) === "OK";
  }

  async del(key: string): Promise<void> {
    await this.client.del(this.k(key));
  }

  async ttl(key: string): Promise<number | null> {
    const t = await this.client.ttl(this.k(key));
    return t < 0 ? null : t;
  }

  async expire(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.client.expire(this.k(key), ttlSeconds)) === 1;
  }

  async incrWindow(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
    // INCR and EXPIRE NX in one round trip: the window starts at the first hit only.
    const res = await this.client
      .multi()
      .incr(this.k(key))
      .expire(this.k(key), windowSeconds, "NX")
      .ttl(this.k(key))
      .exec();
    const count = Number(res?.[0]?.[1] ?? 0);
    const ttl = Number(res?.[2]?.[1] ?? windowSeconds);
    return { count, resetSeconds: ttl > 0 ? ttl : windowSeconds };
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(this.k(channel), message);
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
