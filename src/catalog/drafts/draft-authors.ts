import type { Prisma } from "../../platform/db";

const AUTHORING = ["item.create", "draft.start", "draft.update", "draft.submit"];

/**
 * Everyone who wrote the draft about to be published: the actors of the item's authoring
 * entries in the audit log since its last publication (rejected rounds included, since their
 * text may live on). The four-eyes rule (issue 21) keeps them from publishing it.
 */
export async function draftAuthors(tx: Prisma.TransactionClient, code: string): Promise<Set<string>> {
  const lastPublish = await tx.auditLog.findFirst({
    where: { entity: "item", entityId: code, action: "guide.publish" },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const rows = await tx.auditLog.findMany({
    where: { entity: "item", entityId: code, action: { in: AUTHORING }, ...(lastPublish ? { at: { gt: lastPublish.at } } : {}) },
    select: { actor: true },
    distinct: ["actor"],
  });
  return new Set(rows.map((r) => r.actor));
}
