import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "./db";

/**
 * Staff mark a ticket of public interest (published once answered, if the citizen consented).
 * Not a status move, but a change like one: updatedAt is the service clock's (Prisma's
 * @updatedAt would take the wall clock), which Open311 clients read as updated_datetime.
 */
export async function markPublicInterest(deps: ComplaintsDeps, o: { ref: string; publicInterest: boolean }): Promise<Complaint> {
  const prisma = deps.app.db.prisma;
  const c = await findComplaint(prisma, o.ref);
  return prisma.complaint.update({ where: { id: c.id }, data: { publicInterest: o.publicInterest, updatedAt: deps.app.now() } });
}
