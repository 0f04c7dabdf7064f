/**
 * The few things Redis does for this service, as one interface with two implementations:
 * `RedisStore` (ioredis, shared by every instance) and `MemoryStore` (in-process, for the
 * embedded single-instance default). The same contract tests run against both
 * (test/platform/store.contract.test.ts).
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Set a value, with an optional time-to-live in seconds. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  /** Set only if the key does not exist (Redis SET NX). Returns true if it was set. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Remaining time-to-live in seconds; null when the key is missing or has no expiry. */
  ttl(key: string): Promise<number | null>;
  /** Reset the expiry of an existing key (sliding sessions). Returns false if missing. */
  expire(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * Fixed-window counter for rate limits: increments `key`, starting a window of
   * `windowSeconds` on the first hit. Returns the count in this window and the seconds
   * until the window resets.
   */
  incrWindow(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }>;
  /** Publish a message to every instance subscribed to `channel` (including this one). */
  publish(channel: string, message: string): Promise<void>;
  /** Subscribe to a channel; returns an unsubscribe function. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  /** True when the backing service answers (used by /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
