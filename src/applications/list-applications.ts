import type { Prisma } from "../platform/db";
import type { ApplicationState } from "./presenters";
import type { ApplicationsDeps } from "./deps";
import { loadApplicationStates } from "./load-application";

export interface ListApplicationsOptions {
  department?: string | undefined;
  /** The staff member's own department when their role is limited to it (handlers); ANDed with `department`. */
  onlyDepartment?: string | undefined;
  status?: string | undefined;
  itemCode?: string | undefined;
  /** Only flagged ones: warning (预警) or overdue (超期). */
  supervision?: "warning" | "overdue" | undefined;
  limit: number;
  /** id of the last row of the previous page */
  after?: string | undefined;
}

/** Staff list, newest first: a page of rows with their timelines and clocks, in two queries whatever the page size (a later page one more, for where the last one ended). */
export async function listApplications(deps: ApplicationsDeps, opts: ListApplicationsOptions): Promise<{ items: ApplicationState[]; next: string | null }> {
  const where: Prisma.ApplicationWhereInput = {
    ...(opts.department ? { department: opts.department } : {}),
    ...(opts.onlyDepartment !== undefined ? { AND: [{ department: opts.onlyDepartment }] } : {}),
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.itemCode ? { itemCode: opts.itemCode } : {}),
    ...(opts.supervision === "warning" ? { warnedAt: { not: null } } : {}),
    ...(opts.supervision === "overdue" ? { overdueAt: { not: null } } : {}),
  };
  const prisma = deps.app.db.prisma;
  // Keyset paging from the previous page's last row, which may have left the filter since (a status
  // moved): Prisma's cursor + skip 1 then skipped a row that should have been listed.
  const last = opts.after ? await prisma.application.findUnique({ where: { id: opts.after }, select: { id: true, createdAt: true } }) : null;
  if (opts.after && !last) return { items: [], next: null };
  const items = await prisma.application.findMany({
    where: last ? { AND: [where, { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
  });
  const more = items.length > opts.limit;
  const page = more ? items.slice(0, opts.limit) : items;
  return { items: await loadApplicationStates(deps, page), next: more ? page[page.length - 1]!.id : null };
}
