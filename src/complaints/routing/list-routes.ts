import type { ComplaintsDeps } from "../deps";
import { DEFAULT_ROUTES } from "../intake/routing";
import { CATEGORIES } from "../types";

export interface ComplaintRouteView {
  category: string;
  department: string | null;
  departmentId: string | null;
  /** False while the category still routes to the built-in default. */
  edited: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Every category with the department it routes to now: the staff's mapping, else the default. */
export async function listComplaintRoutes(deps: ComplaintsDeps): Promise<ComplaintRouteView[]> {
  const rows = await deps.app.db.prisma.complaintRoute.findMany();
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  const categories = [...new Set<string>([...CATEGORIES, ...Object.keys(DEFAULT_ROUTES), ...byCategory.keys()])];
  return categories.map((category) => {
    const r = byCategory.get(category);
    return {
      category,
      department: r?.department ?? DEFAULT_ROUTES[category] ?? null,
      departmentId: r?.departmentId ?? null,
      edited: Boolean(r),
      updatedBy: r?.updatedBy ?? null,
      updatedAt: r?.updatedAt.toISOString() ?? null,
    };
  });
}
