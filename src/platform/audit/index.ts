export { writeAudit, AUDIT_ENTITIES, type AuditEntity, type AuditEntry } from "./write-audit";
export { listAudit, type ListAuditOptions } from "./list-audit";
