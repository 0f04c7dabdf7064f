import { complaintErrors } from "../errors";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "../workflow/db";
import { recordEvent } from "../workflow/transition";

/** 整改复核: staff check the department's rectification; passed or failed, recorded. */
export async function recheckRectification(deps: ComplaintsDeps, o: { ref: string; passed: boolean; note: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    if (c.rectification !== "open") throw complaintErrors("rectification_not_open");
    const state = o.passed ? "passed" : "failed";
    const { count } = await tx.complaint.updateMany({ where: { id: c.id, rectification: "open" }, data: { rectification: state, updatedAt: now } });
    if (count !== 1) throw complaintErrors("rectification_changed");
    await recordEvent(tx, { complaintId: c.id, type: "rectification", actor: o.actor, at: now, note: o.note, data: { state } });
    return findComplaint(tx, c.id);
  });
}
