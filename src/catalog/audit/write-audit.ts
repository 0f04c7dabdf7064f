import type { DbClient } from "../db-types";
import { toJson } from "../content-hash";

export interface AuditEntry {
  actor: string;
  /** item.create, draft.update, draft.submit, draft.reject, guide.publish, synonym.add, … */
  action: string;
  entity: "item" | "synonym" | "question";
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
