import crypto from "node:crypto";
import { MemoryStore, RedisStore, type KeyValueStore } from "../../src/platform/store";
import { serversUp } from "./servers";

export type StoreKind = "memory" | "redis";
export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** TEST_STORE_KINDS narrows it; without it the redis variant runs where Redis answered the run's probe. */
export function testStoreKinds(): StoreKind[] {
  const v = process.env.TEST_STORE_KINDS;
  if (v) return v.split(",").map((s) => s.trim()) as StoreKind[];
  return serversUp("redis") ? ["memory", "redis"] : ["memory"];
}

/** A store with a unique key prefix, so parallel test files never see each other's keys. */
export function createTestStore(kind: StoreKind): KeyValueStore {
  if (kind === "memory") return new MemoryStore();
  return RedisStore.connect(testRedisUrl, `zwtest:${crypto.randomBytes(4).toString("hex")}:`);
}
