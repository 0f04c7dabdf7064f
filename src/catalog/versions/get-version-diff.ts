import type { PrismaClient } from "../../platform/db";
import { catalogErrors } from "../errors";
import type { FieldChange } from "../guide-diff";

/** The field-level diff of version `version` from the one before it (stored at publication). */
export async function getVersionDiff(opts: { prisma: PrismaClient; code: string; version: number }) {
  const v = await opts.prisma.guideVersion.findFirst({
    where: { item: { code: opts.code }, version: opts.version },
    select: { version: true, publishedBy: true, publishedAt: true, diff: true, content: true },
  });
  if (!v) throw catalogErrors("version_not_found", { code: opts.code, version: opts.version });
  return { version: v.version, previous: v.version > 1 ? v.version - 1 : null, publishedBy: v.publishedBy, publishedAt: v.publishedAt, changes: v.diff as unknown as FieldChange[] };
}
