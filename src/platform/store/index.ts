import { MemoryStore } from "./memory";
import { RedisStore } from "./redis";
import type { KeyValueStore } from "./types";

export type { KeyValueStore } from "./types";
export { MemoryStore } from "./memory";
export { RedisStore } from "./redis";

/**
 * The configured store: Redis under "<REDIS_PREFIX>:" when REDIS_URL is set, else in-process.
 * The service and every CLI open it here, so a CLI's notices and shared tokens land in the
 * namespace the running service reads.
 */
export function createStore(config: { REDIS_URL?: string; REDIS_PREFIX: string }): KeyValueStore {
  return config.REDIS_URL ? RedisStore.connect(config.REDIS_URL, `${config.REDIS_PREFIX}:`) : new MemoryStore();
}
