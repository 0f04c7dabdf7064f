import type { PrismaPg } from "@prisma/adapter-pg";

/**
 * Prisma 6.19's transaction manager ends an interactive transaction with `executeRaw("COMMIT")`
 * or `executeRaw("ROLLBACK")` and only then calls the adapter's commit()/rollback(), which is
 * what returns the connection to the pool. When PostgreSQL restarts mid-transaction that
 * statement fails, the release never happens, and the pool loses a connection for good: after
 * a few restarts under load every request waits for a connection that never comes (and
 * shutdown hangs in pool.end()). Seen with @prisma/adapter-pg 6.19 (issue 16, the PostgreSQL
 * restart fault test). This wraps the adapter so that a failed COMMIT/ROLLBACK releases its
 * connection as broken (pg-pool then discards it); everything else is unchanged.
 */
export function releaseBrokenTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (err) {
          if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) release(tx, err);
          throw err;
        }
      };
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** The transaction's pool client, released with the error so that pg-pool destroys it. */
function release(tx: object, err: unknown): void {
  const t = tx as { cleanup?: () => void; client?: { release?: (e?: Error | boolean) => void } };
  try {
    t.cleanup?.();
    t.client?.release?.(err instanceof Error ? err : new Error(String(err)));
  } catch {
    // Already released (a later adapter version releasing on its own): nothing leaked.
  }
}
