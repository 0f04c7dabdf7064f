/**
 * Prisma's "unique constraint failed", however it surfaces: P2002 from the query engine,
 * SQLSTATE 23505 from a driver adapter (directly, as the cause, or in the adapter's error
 * metadata), or only in the message.
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === "P2002" ||
    e?.code === "23505" ||
    e?.cause?.code === "23505" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" ||
    /unique constraint/i.test(e?.message ?? "")
  );
}
