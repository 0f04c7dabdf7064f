import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";
import { writeAudit } from "../../platform/audit";
import { SYNONYMS_CHANGED } from "../events";

export interface SynonymInput {
  terms: string[];
  canonical: string[];
  kind?: "object" | "action";
}

/** Adds a staff synonym entry and tells every instance's search to reload synonyms. */
export async function addSynonym(opts: { prisma: PrismaClient; store?: KeyValueStore; entry: SynonymInput; actor: string; now: Date }) {
  const { prisma, entry, actor, now } = opts;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.synonym.create({
      data: { terms: entry.terms, canonical: entry.canonical, kind: entry.kind ?? null, createdBy: actor, createdAt: now },
    });
    await writeAudit(tx, { actor, action: "synonym.add", entity: "synonym", entityId: created.id, diff: entry, at: now });
    return created;
  });
  await opts.store?.publish(SYNONYMS_CHANGED, JSON.stringify({ id: row.id }));
  return row;
}
