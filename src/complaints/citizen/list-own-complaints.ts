import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";
import type { ComplaintOwner } from "./find-own-complaint";

/** The citizen's own tickets (mini-program user, or the Official Account openid that filed them), newest first. */
export async function listOwnComplaints(deps: ComplaintsDeps, o: { owner: ComplaintOwner; limit: number }): Promise<Complaint[]> {
  return deps.app.db.prisma.complaint.findMany({
    where: "userId" in o.owner ? { userId: o.owner.userId } : { openid: o.owner.openid },
    orderBy: { createdAt: "desc" },
    take: o.limit,
  });
}
