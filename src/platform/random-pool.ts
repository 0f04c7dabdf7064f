import crypto from "node:crypto";

const POOL_BYTES = 4096;

/**
 * Cryptographically random bytes drawn from a pool refilled 4 KB at a time, as Node does for
 * randomUUID: one OpenSSL call per 4 KB instead of two per WeChat safe-mode reply
 * (bench/README.md, "Per-message costs"). Each caller gets a copy of bytes nobody else got.
 */
export function createRandomPool(size = POOL_BYTES) {
  const pool = Buffer.alloc(size);
  let used = size;
  return (n: number): Buffer => {
    if (n > size) return crypto.randomBytes(n);
    if (used + n > size) {
      crypto.randomFillSync(pool);
      used = 0;
    }
    const out = Buffer.from(pool.subarray(used, used + n));
    pool.fill(0, used, used + n); // drawn bytes do not stay behind in memory
    used += n;
    return out;
  };
}

/** The process's pool. */
export const pooledRandomBytes = createRandomPool();
