import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";

/** The mini-program user's own tickets, newest first. */
export async function listOwnComplaints(deps: ComplaintsDeps, o: { userId: string; limit: number }): Promise<Complaint[]> {
  return deps.app.db.prisma.complaint.findMany({
    where: { userId: o.userId },
    orderBy: { createdAt: "desc" },
    take: o.limit,
  });
}
