import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";
import type { CatalogLine, Guide } from "../guide-schema";

export interface ItemRecord {
  code: string;
  name: string;
  type: string | null;
  region: string | null;
  department: { name: string; region: string; code: string | null } | null;
  hasGuide: boolean;
  /** The latest published guide (null for catalog-only items). */
  guide: Guide | null;
  version: number | null;
  updatedAt: Date;
  taskType: string | null;
  link: string | null;
  catalog: CatalogLine | null;
}

/** A listed item with its latest published guide; drafts are never read here. */
export async function getItem(opts: { prisma: PrismaClient; code: string }): Promise<ItemRecord> {
  const row = await opts.prisma.serviceItem.findUnique({
    where: { code: opts.code },
    select: {
      code: true,
      name: true,
      type: true,
      region: true,
      listed: true,
      hasGuide: true,
      updatedAt: true,
      taskType: true,
      link: true,
      catalogData: true,
      department: { select: { name: true, region: true, code: true } },
      currentVersion: { select: { version: true, content: true, publishedAt: true } },
    },
  });
  if (!row || !row.listed) throw catalogErrors("item_not_found", { code: opts.code });
  const v = row.currentVersion;
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    region: row.region,
    department: row.department,
    hasGuide: v !== null,
    guide: (v?.content as Guide | undefined) ?? null,
    version: v?.version ?? null,
    updatedAt: v?.publishedAt ?? row.updatedAt,
    taskType: row.taskType,
    link: row.link,
    catalog: (row.catalogData as CatalogLine | null) ?? null,
  };
}
