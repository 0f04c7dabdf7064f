import type { ApplicationsDeps } from "./deps";
import type { SupervisionKind } from "./run-supervision";

export interface ListAlertsOptions {
  department?: string | undefined;
  /** The staff member's own department when their role is limited to it (handlers); ANDed with `department`. */
  onlyDepartment?: string | undefined;
  kind?: SupervisionKind | undefined;
  limit: number;
}

/** 电子监察 flags, newest first, with the application each is about. */
export async function listSupervisionAlerts(deps: ApplicationsDeps, opts: ListAlertsOptions) {
  return deps.app.db.prisma.supervisionAlert.findMany({
    where: {
      ...(opts.department ? { department: opts.department } : {}),
      ...(opts.onlyDepartment !== undefined ? { AND: [{ department: opts.onlyDepartment }] } : {}),
      ...(opts.kind ? { kind: opts.kind } : {}) },
    include: { application: { select: { number: true, itemName: true, status: true } } },
    orderBy: { createdAt: "desc" },
    take: opts.limit,
  });
}
