import type { Config } from "./config";
import type { Db } from "./db";
import type { Logger } from "./logger";
import type { JobQueue } from "./queue";
import type { KeyValueStore } from "./store";
import type { FieldCrypto } from "./field-crypto";

/**
 * What every capability receives: the parsed config and the shared resources. Built once in
 * src/main.ts (or by the test harness) and passed down explicitly — no globals.
 */
export interface AppContext {
  config: Config;
  logger: Logger;
  db: Db;
  store: KeyValueStore;
  queue: JobQueue;
  /** Encryption at rest for personal data. */
  crypto: FieldCrypto;
  /** Injectable clock (tests move time); defaults to Date.now. */
  now: () => Date;
}
