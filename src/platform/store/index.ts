import { MemoryStore } from "./memory";
import { RedisStore } from "./redis";
import type { KeyValueStore } from "./types";

export type { KeyValueStore } from "./types";
export { MemoryStore } from "./memory";
export { RedisStore } from "./redis";

export function createStore(redisUrl: string | undefined, prefix?: string): KeyValueStore {
  return redisUrl ? RedisStore.connect(redisUrl, prefix) : new MemoryStore();
}
