import { EventEmitter } from "node:events";
import type { KeyValueStore } from "./types";

interface Entry {
  value: string;
  /** Epoch ms, or undefined for no expiry. */
  expiresAt?: number;
}

/**
 * In-process KeyValueStore for the embedded single-instance mode. Same contract as RedisStore
 * (test/platform/store.contract.test.ts). Expired keys are dropped lazily on read and by a
 * periodic sweep, so memory does not grow with dead rate-limit windows.
 */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, Entry>();
  private readonly bus = new EventEmitter();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.bus.setMaxListeners(0);
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  private live(key: string): Entry | undefined {
    const e = this.data.get(key);
    if (e && e.expiresAt !== undefined && e.expiresAt <= this.now()) {
      this.data.delete(key);
      return undefined;
    }
    return e;
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, e] of this.data) if (e.expiresAt !== undefined && e.expiresAt <= t) this.data.delete(k);
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  private put(key: string, value: string, ttlSeconds?: number): void {
    this.data.set(key, { value, expiresAt: ttlSeconds ? this.now() + ttlSeconds * 1000 : undefined });
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.put(key, value, ttlSeconds);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, value, ttlSeconds);
    return true;
  }

  async del(key: string): Promise<void> {
    this.data.delete(key);
  }

  async ttl(key: string): Promise<number | null> {
    const e = this.live(key);
    if (!e || e.expiresAt === undefined) return null;
    return Math.ceil((e.expiresAt - this.now()) / 1000);
  }

  async expire(key: string, ttlSeconds: number): Promise<boolean> {
    const e = this.live(key);
    if (!e) return false;
    e.expiresAt = this.now() + ttlSeconds * 1000;
    return true;
  }

  async incrWindow(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
    const e = this.live(key);
    if (!e) {
      this.data.set(key, { value: "1", expiresAt: this.now() + windowSeconds * 1000 });
      return { count: 1, resetSeconds: windowSeconds };
    }
    const count = Number(e.value) + 1;
    e.value = String(count);
    return { count, resetSeconds: Math.ceil(((e.expiresAt ?? this.now()) - this.now()) / 1000) };
  }

  async publish(channel: string, message: string): Promise<void> {
    // Delivered asynchronously, like Redis, so a publisher never runs subscribers inline.
    setImmediate(() => this.bus.emit(channel, message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    this.bus.on(channel, handler);
    return async () => {
      this.bus.off(channel, handler);
    };
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.bus.removeAllListeners();
  }
}
