import { Prisma } from "../platform/db";
import type { ComplaintsDeps } from "./deps";
import { SATISFACTION_LEVELS } from "./types";

export interface ComplaintStats {
  total: number;
  /** `category` null: not classified; `department` null: not dispatched. */
  byCategory: { category: string | null; count: number }[];
  byDepartment: { department: string | null; count: number }[];
  /**
   * 按期答复率: replied by the reply deadline, over every ticket whose deadline has come —
   * replied late, or still unanswered past it (open overdue tickets count against the rate).
   */
  onTime: { onTime: number; late: number; openOverdue: number; rate: number | null };
  /** 好差评, on the five-level scale, best first. */
  satisfaction: { level: string; count: number }[];
}

/**
 * Figures for the staff dashboard (merged tickets are counted in the ticket they joined);
 * `department` limits them to one department's tickets (a handler's own).
 */
export async function countComplaintStats(deps: ComplaintsDeps, now: Date, department?: string): Promise<ComplaintStats> {
  const prisma = deps.app.db.prisma;
  const live = { status: { not: "merged" }, ...(department !== undefined ? { department } : {}) };
  const inDept = department !== undefined ? Prisma.sql`AND department = ${department}` : Prisma.empty;
  const [total, cats, deps_, sats, repliedOnTime, repliedLate, openOverdue] = await Promise.all([
    prisma.complaint.count({ where: live }),
    prisma.complaint.groupBy({ by: ["category"], where: live, _count: { _all: true } }),
    prisma.complaint.groupBy({ by: ["department"], where: live, _count: { _all: true } }),
    prisma.complaint.groupBy({ by: ["satisfaction"], where: { ...live, satisfaction: { not: null } }, _count: { _all: true } }),
    // Prisma compares a column with a value, not with another column: count the on-time ones in SQL.
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM complaint WHERE status <> 'merged' AND reply_due_at IS NOT NULL AND replied_at IS NOT NULL AND replied_at <= reply_due_at ${inDept}`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM complaint WHERE status <> 'merged' AND reply_due_at IS NOT NULL AND replied_at IS NOT NULL AND replied_at > reply_due_at ${inDept}`,
    prisma.complaint.count({ where: { ...live, replyDueAt: { lt: now }, repliedAt: null, closedAt: null } }),
  ]);
  const onTime = repliedOnTime[0]?.n ?? 0;
  const late = (repliedLate[0]?.n ?? 0) + openOverdue;
  const bySat = new Map(sats.map((s) => [s.satisfaction, s._count._all]));
  return {
    total,
    byCategory: cats.map((c) => ({ category: c.category, count: c._count._all })).sort((a, b) => b.count - a.count || (a.category ?? "").localeCompare(b.category ?? "")),
    byDepartment: deps_.map((d) => ({ department: d.department, count: d._count._all })).sort((a, b) => b.count - a.count || (a.department ?? "").localeCompare(b.department ?? "")),
    onTime: { onTime, late, openOverdue, rate: onTime + late ? onTime / (onTime + late) : null },
    satisfaction: SATISFACTION_LEVELS.map((level) => ({ level, count: bySat.get(level) ?? 0 })),
  };
}
