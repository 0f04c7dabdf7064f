import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { findComplaint, type Complaint } from "../workflow/db";
import { recordEvent } from "../workflow/transition";

/**
 * 申诉审核: staff decide. Upheld: the rating no longer counts against the department and an
 * open rectification is cancelled; the citizen's words stay in the timeline.
 */
export async function decideAppeal(deps: ComplaintsDeps, o: { ref: string; upheld: boolean; note: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    if (c.appeal !== "pending") throw complaintErrors("appeal_not_pending");
    const state = o.upheld ? "upheld" : "rejected";
    await tx.complaint.update({
      where: { id: c.id },
      data: { appeal: state, updatedAt: now, ...(o.upheld && c.rectification === "open" ? { rectification: "cancelled" } : {}) },
    });
    await recordEvent(tx, { complaintId: c.id, type: "appeal", actor: o.actor, at: now, note: o.note, data: { state } });
    return findComplaint(tx, c.id);
  });
}
