import type { PrismaClient } from "../../platform/db";

/** The staff synonym table, oldest first. */
export async function listSynonyms(opts: { prisma: PrismaClient }) {
  return opts.prisma.synonym.findMany({ orderBy: { createdAt: "asc" } });
}
