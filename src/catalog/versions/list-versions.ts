import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";

export interface VersionRecord {
  version: number;
  name: string;
  publishedBy: string;
  publishedAt: Date;
  changes: number;
}

/** An item's published versions, newest first: who, when, how many fields changed. */
export async function listVersions(opts: { prisma: PrismaClient; code: string }): Promise<VersionRecord[]> {
  const item = await opts.prisma.serviceItem.findUnique({
    where: { code: opts.code },
    select: { versions: { orderBy: { version: "desc" }, select: { version: true, name: true, publishedBy: true, publishedAt: true, diff: true } } },
  });
  if (!item) throw catalogErrors("item_not_found", { code: opts.code });
  return item.versions.map(({ diff, ...v }) => ({ ...v, changes: (diff as unknown[]).length }));
}
