import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "../workflow/db";
import { recordEvent } from "../workflow/transition";

/** 申诉: the department says the rating is mistaken (e.g. it judged another office). Once per rating. */
export async function appealRating(deps: ComplaintsDeps, o: { ref: string; reason: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    if (!c.satisfaction) throw new AppError("unprocessable", "该工单尚未评价，无需申诉");
    if (c.appeal !== "none") throw new AppError("conflict", "该评价已申诉过");
    await tx.complaint.updateMany({ where: { id: c.id, appeal: "none" }, data: { appeal: "pending", updatedAt: now } });
    await recordEvent(tx, { complaintId: c.id, type: "appeal", actor: o.actor, at: now, note: o.reason, data: { state: "pending" } });
    return findComplaint(tx, c.id);
  });
}

/**
 * 申诉审核: staff decide. Upheld: the rating no longer counts against the department and an
 * open rectification is cancelled; the citizen's words stay in the timeline.
 */
export async function decideAppeal(deps: ComplaintsDeps, o: { ref: string; upheld: boolean; note: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    if (c.appeal !== "pending") throw new AppError("unprocessable", "没有待审核的申诉");
    const state = o.upheld ? "upheld" : "rejected";
    await tx.complaint.update({
      where: { id: c.id },
      data: { appeal: state, updatedAt: now, ...(o.upheld && c.rectification === "open" ? { rectification: "cancelled" } : {}) },
    });
    await recordEvent(tx, { complaintId: c.id, type: "appeal", actor: o.actor, at: now, note: o.note, data: { state } });
    return findComplaint(tx, c.id);
  });
}
