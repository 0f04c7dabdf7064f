import type { PrismaClient } from "../../platform/db";

export interface DepartmentRecord {
  id: string;
  name: string;
  code: string | null;
  region: string;
  itemCount: number;
  guideCount: number;
}

/** Departments that have listed items, with how many items (and full guides) each has. */
export async function listDepartments(opts: { prisma: PrismaClient }): Promise<DepartmentRecord[]> {
  const [deps, counts] = await Promise.all([
    opts.prisma.department.findMany({ select: { id: true, name: true, code: true, region: true }, orderBy: [{ region: "asc" }, { name: "asc" }] }),
    opts.prisma.serviceItem.groupBy({ by: ["departmentId", "hasGuide"], where: { listed: true }, _count: { _all: true } }),
  ]);
  const items = new Map<string, number>();
  const guides = new Map<string, number>();
  for (const c of counts) {
    if (!c.departmentId) continue;
    items.set(c.departmentId, (items.get(c.departmentId) ?? 0) + c._count._all);
    if (c.hasGuide) guides.set(c.departmentId, (guides.get(c.departmentId) ?? 0) + c._count._all);
  }
  return deps
    .map((d) => ({ ...d, itemCount: items.get(d.id) ?? 0, guideCount: guides.get(d.id) ?? 0 }))
    .filter((d) => d.itemCount > 0);
}
