import type { ComplaintStatus } from "../complaint-status";
import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";

export interface ListComplaintsOptions {
  status?: ComplaintStatus | undefined;
  /** The dispatcher's queue: tickets waiting for a human to dispatch them. */
  queue?: "dispatcher" | undefined;
  /** Only tickets past their reply deadline (督办 or escalated). */
  overdue?: boolean | undefined;
  department?: string | undefined;
  /** The staff member's own department when their role is limited to it (handlers); ANDed with `department`. */
  onlyDepartment?: string | undefined;
  limit: number;
}

/** Tickets for staff, newest first. */
export async function listComplaints(deps: ComplaintsDeps, o: ListComplaintsOptions): Promise<Complaint[]> {
  return deps.app.db.prisma.complaint.findMany({
    where: {
      ...(o.status ? { status: o.status } : {}),
      ...(o.queue ? { dispatcherQueue: true, status: { in: ["accepted", "returned"] } } : {}),
      ...(o.overdue ? { supervisionStage: { gte: 2 } } : {}),
      ...(o.department ? { department: o.department } : {}),
      ...(o.onlyDepartment !== undefined ? { AND: [{ department: o.onlyDepartment }] } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: o.limit,
  });
}
