import type { ApplicationsDeps } from "./deps";

/** Per department: how many applications were flagged 预警 / 超期 (ever), and how many of those are still open. */
export async function countSupervisionAlerts(deps: ApplicationsDeps) {
  const prisma = deps.app.db.prisma;
  const [all, open] = await Promise.all([
    prisma.supervisionAlert.groupBy({ by: ["department", "kind"], _count: { _all: true } }),
    prisma.supervisionAlert.groupBy({ by: ["department", "kind"], where: { application: { stoppedAt: null } }, _count: { _all: true } }),
  ]);
  const rows = new Map<string, { department: string; warning: number; overdue: number; openWarning: number; openOverdue: number }>();
  const row = (d: string) => rows.get(d) ?? rows.set(d, { department: d, warning: 0, overdue: 0, openWarning: 0, openOverdue: 0 }).get(d)!;
  for (const g of all) row(g.department)[g.kind === "overdue" ? "overdue" : "warning"] += g._count._all;
  for (const g of open) row(g.department)[g.kind === "overdue" ? "openOverdue" : "openWarning"] += g._count._all;
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.warning - a.warning || a.department.localeCompare(b.department));
}
