import type { PrismaClient } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { FieldChange } from "../guide-diff";

export interface VersionRecord {
  version: number;
  name: string;
  publishedBy: string;
  publishedAt: Date;
  changes: number;
}

export async function listVersions(opts: { prisma: PrismaClient; code: string }): Promise<VersionRecord[]> {
  const item = await opts.prisma.serviceItem.findUnique({
    where: { code: opts.code },
    select: { versions: { orderBy: { version: "desc" }, select: { version: true, name: true, publishedBy: true, publishedAt: true, diff: true } } },
  });
  if (!item) throw new AppError("not_found", `No service item ${opts.code}`);
  return item.versions.map(({ diff, ...v }) => ({ ...v, changes: (diff as unknown[]).length }));
}

/** The field-level diff of version `version` from the one before it (stored at publication). */
export async function getVersionDiff(opts: { prisma: PrismaClient; code: string; version: number }) {
  const v = await opts.prisma.guideVersion.findFirst({
    where: { item: { code: opts.code }, version: opts.version },
    select: { version: true, publishedBy: true, publishedAt: true, diff: true, content: true },
  });
  if (!v) throw new AppError("not_found", `Item ${opts.code} has no version ${opts.version}`);
  return { version: v.version, previous: v.version > 1 ? v.version - 1 : null, publishedBy: v.publishedBy, publishedAt: v.publishedAt, changes: v.diff as unknown as FieldChange[] };
}
