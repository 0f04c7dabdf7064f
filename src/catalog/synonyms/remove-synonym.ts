import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";
import { catalogErrors } from "../errors";
import { writeAudit } from "../../platform/audit";
import { SYNONYMS_CHANGED } from "../events";

/** Removes a staff synonym entry and tells every instance's search to reload synonyms. */
export async function removeSynonym(opts: { prisma: PrismaClient; store?: KeyValueStore; id: string; actor: string; now: Date }) {
  const { prisma, id, actor, now } = opts;
  await prisma.$transaction(async (tx) => {
    const row = await tx.synonym.findUnique({ where: { id } });
    if (!row) throw catalogErrors("synonym_not_found", { id });
    await tx.synonym.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "synonym.remove", entity: "synonym", entityId: id, diff: { terms: row.terms, canonical: row.canonical }, at: now });
  });
  await opts.store?.publish(SYNONYMS_CHANGED, JSON.stringify({ id }));
}
