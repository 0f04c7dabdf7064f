import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";
import { writeAudit } from "../../platform/audit";
import { catalogErrors } from "../errors";
import { announceChanged } from "../events";

export interface RetireItemOptions {
  prisma: PrismaClient;
  store?: KeyValueStore;
  code: string;
  /** Why it is retired (merged into another item, abolished by a decision …): kept in the audit log. */
  reason: string;
  actor: string;
  now: Date;
}

/**
 * Retires an item: it leaves the public listing, its page and chat answers (every instance's
 * search hears `catalog.changed`), while its versions stay on record. Publishing a new version
 * lists it again.
 */
export async function retireItem(opts: RetireItemOptions): Promise<{ code: string; listed: false }> {
  const { prisma, code, actor, now } = opts;
  const reason = opts.reason.trim();
  if (!reason) throw catalogErrors("retire_needs_reason");
  await prisma.$transaction(async (tx) => {
    const item = await tx.serviceItem.findUnique({ where: { code }, select: { id: true, listed: true } });
    if (!item) throw catalogErrors("item_not_found", { code });
    if (!item.listed) throw catalogErrors("item_retired", { code });
    await tx.serviceItem.update({ where: { id: item.id }, data: { listed: false, updatedAt: now } });
    await writeAudit(tx, { actor, action: "item.retire", entity: "item", entityId: code, diff: { listed: { before: true, after: false }, reason }, at: now });
  });
  await announceChanged(opts.store, [code]);
  return { code, listed: false };
}
