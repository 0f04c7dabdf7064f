import type { Prisma, PrismaClient } from "../../platform/db";

export interface ListStaffItemsOptions {
  prisma: PrismaClient;
  /** Part of the name, an alias or the code. */
  q?: string;
  /** Only items whose draft has this status (draft, in_review, published, rejected). */
  draftStatus?: string;
  /** Only retired items (unlisted after a publication) or only public ones. */
  listed?: boolean;
  page: number;
  pageSize: number;
}

const staffItemSelect = {
  code: true,
  name: true,
  type: true,
  listed: true,
  hasGuide: true,
  updatedAt: true,
  department: { select: { name: true } },
  currentVersion: { select: { version: true, publishedAt: true } },
  draft: { select: { status: true, revision: true, updatedBy: true, updatedAt: true } },
} satisfies Prisma.ServiceItemSelect;

export type StaffItemRecord = Prisma.ServiceItemGetPayload<{ select: typeof staffItemSelect }>;

/** Every item for staff — public, unlisted drafts and retired ones — with its draft's state. */
export async function listStaffItems(opts: ListStaffItemsOptions): Promise<{ items: StaffItemRecord[]; total: number }> {
  const where: Prisma.ServiceItemWhereInput = {};
  const q = opts.q?.trim();
  if (q) where.OR = [{ searchText: { contains: q.toLowerCase(), mode: "insensitive" } }, { code: { contains: q, mode: "insensitive" } }];
  if (opts.draftStatus) where.draft = { status: opts.draftStatus };
  if (opts.listed !== undefined) where.listed = opts.listed;
  const [items, total] = await Promise.all([
    opts.prisma.serviceItem.findMany({
      where,
      select: staffItemSelect,
      orderBy: [{ hasGuide: "desc" }, { name: "asc" }, { code: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    opts.prisma.serviceItem.count({ where }),
  ]);
  return { items, total };
}
