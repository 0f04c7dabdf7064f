import type { Prisma, PrismaClient } from "../db";
import { toJson } from "../canonical-json";

/** Either the client or the client inside an interactive transaction (the audited change's). */
type DbClient = PrismaClient | Prisma.TransactionClient;

/**
 * What the service audit log records changes to (`audit_log.entity`). Written by the catalog, by
 * complaints for its category → department routes (set-complaint-route.ts), by the calendar for
 * staff-confirmed holiday years (calendar/add-holiday-year.ts, correct-holiday-year.ts) and by
 * staff for accounts; read by staff (GET /api/v1/admin/audit, the console's audit page).
 */
export const AUDIT_ENTITIES = ["item", "synonym", "question", "complaint_route", "holiday_year", "staff_account"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntry {
  actor: string;
  /** item.create, draft.update, draft.submit, draft.reject, guide.publish, synonym.add, complaint_route.update, … */
  action: string;
  entity: AuditEntity;
  /** item code, synonym id, complaint category */
  entityId: string;
  diff?: unknown;
  at: Date;
}

export async function writeAudit(db: DbClient, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  await db.auditLog.createMany({
    data: list.map((e) => ({
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      diff: e.diff === undefined ? undefined : (toJson(e.diff) as object),
      at: e.at,
    })),
  });
}
