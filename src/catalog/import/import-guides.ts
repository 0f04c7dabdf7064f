import type { PrismaClient } from "../../platform/db";
import type { Guide } from "../guide-schema";
import { ensureDepartments, departmentKey } from "../items/ensure-departments";
import { guideDepartment } from "../items/item-fields";
import { publishVersion } from "../versions/publish-version";
import { writeAudit } from "../../platform/audit";
import type { ImportCounts } from "./import-catalog-lines";

export interface ImportGuidesOptions {
  prisma: PrismaClient;
  guides: Guide[];
  /** Recorded as the publisher of the versions and in the audit log ("import"). */
  actor: string;
  now: Date;
  onProgress?: (done: number) => void;
}

/**
 * Publishes each guide directly as a new version of its item — one transaction per guide
 * (version + item + audit entry) — unless it is identical to the current version.
 */
export async function importGuides(opts: ImportGuidesOptions): Promise<ImportCounts> {
  const { prisma, guides, actor, now } = opts;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, changedCodes: [] };
  const departments = await ensureDepartments(prisma, guides.map(guideDepartment));
  let done = 0;
  for (const guide of guides) {
    const result = await prisma.$transaction(async (tx) => {
      const r = await publishVersion({
        tx,
        guide,
        actor,
        now,
        source: "guide",
        departmentId: departments.get(departmentKey(guideDepartment(guide))),
      });
      if (r.changed) {
        await writeAudit(tx, { actor, action: "guide.publish", entity: "item", entityId: guide.code, diff: { version: r.version, changes: r.diff }, at: now });
      }
      return r;
    });
    if (!result.changed) counts.unchanged++;
    else {
      if (result.version === 1) counts.created++;
      else counts.updated++;
      counts.changedCodes.push(guide.code);
    }
    opts.onProgress?.(++done);
  }
  return counts;
}
