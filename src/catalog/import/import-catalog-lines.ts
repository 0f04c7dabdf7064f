import type { PrismaClient } from "../../platform/db";
import type { CatalogLine } from "../guide-schema";
import { contentHash } from "../content-hash";
import { ensureDepartments, departmentKey } from "../items/ensure-departments";
import { writeAudit } from "../../platform/audit";
import { catalogColumns, catalogOnlyColumns, departmentOfLine } from "./catalog-line-item";

export interface ImportCatalogLinesOptions {
  prisma: PrismaClient;
  lines: CatalogLine[];
  actor: string;
  now: Date;
  onProgress?: (done: number) => void;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  changedCodes: string[];
}

const CHUNK = 500;

/**
 * Upserts catalog-only items in batches: one query finds what exists, `createMany` adds the
 * new ones, changed lines (different hash) are updated in one transaction per chunk. The
 * 1,135-line Guang'an list thus takes a handful of round trips, not thousands.
 * A line for an item that has a published guide only refreshes its catalog fields.
 */
export async function importCatalogLines(opts: ImportCatalogLinesOptions): Promise<ImportCounts> {
  const { prisma, lines, actor, now } = opts;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, changedCodes: [] };
  const departments = await ensureDepartments(prisma, lines.map(departmentOfLine));
  for (let i = 0; i < lines.length; i += CHUNK) {
    const chunk = lines.slice(i, i + CHUNK);
    const existing = await prisma.serviceItem.findMany({
      where: { code: { in: chunk.map((l) => l.item_code) } },
      select: { code: true, catalogHash: true, hasGuide: true },
    });
    const byCode = new Map(existing.map((e) => [e.code, e]));
    const fresh = chunk.filter((l) => !byCode.has(l.item_code));
    const changed = chunk.filter((l) => {
      const e = byCode.get(l.item_code);
      return e !== undefined && e.catalogHash !== contentHash(l);
    });
    const depId = (l: CatalogLine) => departments.get(departmentKey(departmentOfLine(l))) ?? null;
    if (fresh.length) {
      await prisma.serviceItem.createMany({
        data: fresh.map((l) => ({
          code: l.item_code,
          source: "catalog",
          departmentId: depId(l),
          ...catalogOnlyColumns(l),
          ...catalogColumns(l),
          createdAt: now,
          updatedAt: now,
        })),
        skipDuplicates: true,
      });
    }
    if (changed.length) {
      await prisma.$transaction(
        changed.map((l) =>
          prisma.serviceItem.update({
            where: { code: l.item_code },
            data: byCode.get(l.item_code)?.hasGuide
              ? catalogColumns(l)
              : { ...catalogColumns(l), ...catalogOnlyColumns(l), departmentId: depId(l), updatedAt: now },
          }),
        ),
      );
    }
    await writeAudit(prisma, [
      ...fresh.map((l) => ({ actor, action: "item.import", entity: "item" as const, entityId: l.item_code, at: now })),
      ...changed.map((l) => ({ actor, action: "item.reimport", entity: "item" as const, entityId: l.item_code, at: now })),
    ]);
    counts.created += fresh.length;
    counts.updated += changed.length;
    counts.unchanged += chunk.length - fresh.length - changed.length;
    counts.changedCodes.push(...fresh.map((l) => l.item_code), ...changed.map((l) => l.item_code));
    opts.onProgress?.(Math.min(i + CHUNK, lines.length));
  }
  return counts;
}
