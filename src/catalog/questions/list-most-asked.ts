import type { PrismaClient } from "../../platform/db";

export interface MostAskedItem {
  code: string;
  name: string;
  department: string | undefined;
  hasGuide: boolean;
  count: number;
}

/** The items chat answered with most often, still listed in the catalog, most asked first. */
export async function listMostAsked(opts: { prisma: PrismaClient; limit: number }): Promise<MostAskedItem[]> {
  // A few more than asked for: a counted item may have been withdrawn from the listing since.
  const asks = await opts.prisma.itemAsk.findMany({ orderBy: [{ count: "desc" }, { code: "asc" }], take: opts.limit * 2 });
  if (!asks.length) return [];
  const items = await opts.prisma.serviceItem.findMany({
    where: { code: { in: asks.map((a) => a.code) }, listed: true },
    select: { code: true, name: true, hasGuide: true, department: { select: { name: true } } },
  });
  const byCode = new Map(items.map((i) => [i.code, i]));
  return asks
    .flatMap((a) => {
      const i = byCode.get(a.code);
      return i ? [{ code: i.code, name: i.name, department: i.department?.name, hasGuide: i.hasGuide, count: a.count }] : [];
    })
    .slice(0, opts.limit);
}
