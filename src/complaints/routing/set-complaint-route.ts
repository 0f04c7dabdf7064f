import { writeAudit } from "../../platform/audit";
import { complaintErrors } from "../errors";
import type { ComplaintsDeps } from "../deps";
import { DEFAULT_ROUTES } from "../intake/route-complaint";
import { text } from "../texts";
import { CATEGORIES } from "../types";
import { listComplaintRoutes, type ComplaintRouteEntry } from "./list-complaint-routes";

export interface SetComplaintRouteOptions {
  category: string;
  /** Shown to staff and citizens; taken from the catalog when only departmentId is given. */
  department?: string | undefined;
  /** A catalog department (catalog_department.id). */
  departmentId?: string | undefined;
  actor: string;
}

/**
 * Staff point a category at another department. Complaints filed from then on are routed
 * there (tickets already dispatched keep theirs). The change and who made it go to the
 * service's audit log (GET /api/v1/admin/audit?entity=complaint_route:<category>) in the
 * same transaction, so no routing change is ever unexplained. Answers with the whole table
 * afterwards, as staff see it (listComplaintRoutes).
 */
export async function setComplaintRoute(deps: ComplaintsDeps, o: SetComplaintRouteOptions): Promise<ComplaintRouteEntry[]> {
  if (!(CATEGORIES as readonly string[]).includes(o.category)) {
    const categories = CATEGORIES.join(text("labels.list_separator"));
    throw complaintErrors("category_not_found", { category: o.category, categories }, { categories: [...CATEGORIES] });
  }
  const prisma = deps.app.db.prisma;
  const catalog = o.departmentId ? await prisma.department.findUnique({ where: { id: o.departmentId }, select: { name: true } }) : null;
  if (o.departmentId && !catalog) throw complaintErrors("department_not_in_catalog", { departmentId: o.departmentId }, { departmentId: o.departmentId });
  const department = o.department?.trim() || catalog?.name;
  if (!department) throw complaintErrors("department_required");
  const at = deps.app.now();
  const to = { department, departmentId: o.departmentId ?? null };
  await prisma.$transaction(async (tx) => {
    const before = await tx.complaintRoute.findUnique({ where: { category: o.category } });
    const from = { department: before?.department ?? DEFAULT_ROUTES[o.category] ?? null, departmentId: before?.departmentId ?? null };
    const data = { ...to, updatedBy: o.actor, updatedAt: at };
    await tx.complaintRoute.upsert({ where: { category: o.category }, create: { category: o.category, ...data }, update: data });
    if (from.department !== to.department || from.departmentId !== to.departmentId) {
      await writeAudit(tx, { actor: o.actor, action: "complaint_route.update", entity: "complaint_route", entityId: o.category, diff: { from, to }, at });
    }
  });
  return listComplaintRoutes(deps);
}
