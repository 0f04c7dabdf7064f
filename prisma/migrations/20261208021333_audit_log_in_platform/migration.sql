-- The audit log belongs to the platform (every capability's staff changes are written to it):
-- renamed in place, its rows kept (Prisma's diff would drop and re-create the table).
ALTER TABLE "catalog_audit_log" RENAME TO "audit_log";
ALTER TABLE "audit_log" RENAME CONSTRAINT "catalog_audit_log_pkey" TO "audit_log_pkey";
ALTER INDEX "catalog_audit_log_entity_entity_id_at_idx" RENAME TO "audit_log_entity_entity_id_at_idx";
ALTER INDEX "catalog_audit_log_at_idx" RENAME TO "audit_log_at_idx";
