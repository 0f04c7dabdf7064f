import type { PrismaClient } from "../../platform/db";
import type { KeyValueStore } from "../../platform/store";
import { AppError } from "../../platform/errors";
import { writeAudit } from "../audit/write-audit";
import { SYNONYMS_CHANGED } from "../events";

export interface SynonymInput {
  terms: string[];
  canonical: string[];
  kind?: "object" | "action";
}

export async function listSynonyms(opts: { prisma: PrismaClient }) {
  return opts.prisma.synonym.findMany({ orderBy: { createdAt: "asc" } });
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

export async function removeSynonym(opts: { prisma: PrismaClient; store?: KeyValueStore; id: string; actor: string; now: Date }) {
  const { prisma, id, actor, now } = opts;
  await prisma.$transaction(async (tx) => {
    const row = await tx.synonym.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", `No synonym ${id}`);
    await tx.synonym.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "synonym.remove", entity: "synonym", entityId: id, diff: { terms: row.terms, canonical: row.canonical }, at: now });
  });
  await opts.store?.publish(SYNONYMS_CHANGED, JSON.stringify({ id }));
}
