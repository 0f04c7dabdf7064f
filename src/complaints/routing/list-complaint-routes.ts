import type { ComplaintRoute } from "../../generated/prisma/client";
import type { ComplaintsDeps } from "../deps";
import { DEFAULT_ROUTES } from "../intake/route-complaint";
import { CATEGORIES } from "../types";

export interface ComplaintRouteEntry {
  category: string;
  /** The staff's mapping; absent while the category still routes to the built-in default. */
  route?: ComplaintRoute | undefined;
  /** The built-in default department, if any. */
  defaultDepartment?: string | undefined;
}

/** Every category with the department it routes to now: the staff's mapping, else the default. */
export async function listComplaintRoutes(deps: ComplaintsDeps): Promise<ComplaintRouteEntry[]> {
  const rows = await deps.app.db.prisma.complaintRoute.findMany();
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  const categories = [...new Set<string>([...CATEGORIES, ...Object.keys(DEFAULT_ROUTES), ...byCategory.keys()])];
  return categories.map((category) => ({ category, route: byCategory.get(category), defaultDepartment: DEFAULT_ROUTES[category] }));
}
