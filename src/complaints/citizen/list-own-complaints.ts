import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";
import { ownedBy, type ComplaintOwner } from "./find-own-complaint";

/** The citizen's own tickets (by user, or by Official Account openid), newest first. */
export async function listOwnComplaints(deps: ComplaintsDeps, o: { owner: ComplaintOwner; limit: number }): Promise<Complaint[]> {
  return deps.app.db.prisma.complaint.findMany({
    where: ownedBy(o.owner),
    orderBy: { createdAt: "desc" },
    take: o.limit,
  });
}
