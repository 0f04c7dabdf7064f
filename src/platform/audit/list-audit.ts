import type { Prisma, PrismaClient } from "../db";

export interface ListAuditOptions {
  prisma: PrismaClient;
  /** "item" (all items), "item:<code>", "synonym", … */
  entity?: string;
  /** Only what this account (or the machine token's audit name) did. */
  actor?: string;
  page: number;
  pageSize: number;
}

/** One page of the audit log, newest first. */
export async function listAudit(opts: ListAuditOptions) {
  const where: Prisma.AuditLogWhereInput = {};
  if (opts.entity) {
    const i = opts.entity.indexOf(":");
    if (i < 0) where.entity = opts.entity;
    else Object.assign(where, { entity: opts.entity.slice(0, i), entityId: opts.entity.slice(i + 1) });
  }
  if (opts.actor) where.actor = opts.actor;
  const [entries, total] = await Promise.all([
    opts.prisma.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "asc" }], skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize }),
    opts.prisma.auditLog.count({ where }),
  ]);
  return { entries, total };
}
