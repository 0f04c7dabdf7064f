import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";

const ANSWERED = ["replied", "visited", "rated", "closed"];

/** Published tickets: the citizen consented, staff judged them of public interest, and they are answered. Latest answer first. */
export async function listPublishedComplaints(deps: ComplaintsDeps, o: { limit: number }): Promise<Complaint[]> {
  return deps.app.db.prisma.complaint.findMany({
    where: { publicationConsent: true, publicInterest: true, status: { in: ANSWERED } },
    orderBy: { repliedAt: "desc" },
    take: o.limit,
  });
}
