import type { Prisma, PrismaClient } from "../../platform/db";
import type { ItemSearch } from "./item-search";
import { regionPrefix } from "../../platform/region-codes";

export interface ListItemsOptions {
  prisma: PrismaClient;
  q?: string;
  /** Department id or exact name. */
  department?: string;
  type?: string;
  audience?: string;
  /** 行政区划代码: the region and everything below it (630000 → all of Qinghai). */
  region?: string;
  page: number;
  pageSize: number;
  search?: ItemSearch;
}

const itemSelect = {
  code: true,
  name: true,
  aliases: true,
  type: true,
  audience: true,
  region: true,
  hasGuide: true,
  updatedAt: true,
  department: { select: { id: true, name: true, region: true } },
  currentVersion: { select: { version: true, publishedAt: true } },
} satisfies Prisma.ServiceItemSelect;

export type ItemSummaryRecord = Prisma.ServiceItemGetPayload<{ select: typeof itemSelect }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Public listing: listed items only (published guides and catalog lines), filtered and paged. */
export async function listItems(opts: ListItemsOptions): Promise<{ items: ItemSummaryRecord[]; total: number }> {
  const { prisma, page, pageSize } = opts;
  const where: Prisma.ServiceItemWhereInput = { listed: true };
  if (opts.department) where.department = UUID.test(opts.department) ? { id: opts.department } : { name: opts.department };
  if (opts.type) where.type = opts.type;
  if (opts.audience) where.audience = { has: opts.audience };
  if (opts.region) where.region = { startsWith: regionPrefix(opts.region) };
  const q = opts.q?.trim();
  if (q && opts.search) {
    const ranked = await opts.search(q, { limit: 1000 });
    const matching = await prisma.serviceItem.findMany({ where: { ...where, code: { in: ranked } }, select: { code: true } });
    const keep = new Set(matching.map((m) => m.code));
    const codes = ranked.filter((c) => keep.has(c));
    const pageCodes = codes.slice((page - 1) * pageSize, page * pageSize);
    const rows = await prisma.serviceItem.findMany({ where: { code: { in: pageCodes } }, select: itemSelect });
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return { items: pageCodes.flatMap((c) => byCode.get(c) ?? []), total: codes.length };
  }
  if (q) where.searchText = { contains: q.toLowerCase(), mode: "insensitive" };
  const [items, total] = await Promise.all([
    prisma.serviceItem.findMany({
      where,
      select: itemSelect,
      orderBy: [{ hasGuide: "desc" }, { name: "asc" }, { code: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.serviceItem.count({ where }),
  ]);
  return { items, total };
}
