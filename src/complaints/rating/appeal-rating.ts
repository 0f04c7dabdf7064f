import { complaintErrors } from "../errors";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "../workflow/db";
import { recordEvent } from "../workflow/transition";

/** 申诉: the department says the rating is mistaken (e.g. it judged another office). Once per rating. */
export async function appealRating(deps: ComplaintsDeps, o: { ref: string; reason: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    if (!c.satisfaction) throw complaintErrors("appeal_without_rating");
    if (c.appeal !== "none") throw complaintErrors("appeal_already_made");
    await tx.complaint.updateMany({ where: { id: c.id, appeal: "none" }, data: { appeal: "pending", updatedAt: now } });
    await recordEvent(tx, { complaintId: c.id, type: "appeal", actor: o.actor, at: now, note: o.reason, data: { state: "pending" } });
    return findComplaint(tx, c.id);
  });
}
