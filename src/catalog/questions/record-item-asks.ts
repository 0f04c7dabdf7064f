import { Prisma, type PrismaClient } from "../../platform/db";

/** Asks per item code since the last write. */
export interface ItemAskCount {
  code: string;
  count: number;
  at: Date;
}

/** Adds the counted asks in one statement (the buffered question log writes them with its flush). */
export async function recordItemAsks(prisma: PrismaClient, rows: ItemAskCount[]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map((r) => Prisma.sql`(${r.code}, ${r.count}::int, ${r.at}::timestamptz)`);
  await prisma.$executeRaw`
    INSERT INTO catalog_item_ask AS a (code, count, last_asked_at)
    VALUES ${Prisma.join(values)}
    ON CONFLICT (code) DO UPDATE SET
      count = a.count + EXCLUDED.count,
      last_asked_at = GREATEST(a.last_asked_at, EXCLUDED.last_asked_at)`;
}
