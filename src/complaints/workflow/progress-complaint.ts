import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "./db";
import { recordEvent, transitionComplaint, type TransitionOptions } from "./transition";

/** The 办理中 move, for staff and for the 12345 platform's progress callback alike. */
export const progressMove = (o: { ref: string; note?: string | undefined; actor: string }): TransitionOptions => ({
  ref: o.ref,
  to: "in_progress",
  actor: o.actor,
  note: o.note,
});

/**
 * 办理中: the department starts handling (from 已签收, or a 重办 back to the same department,
 * whose fresh deadlines were set by reopenComplaint). Once handling, further calls add
 * progress notes to the timeline without changing the status.
 */
export async function progressComplaint(deps: ComplaintsDeps, o: { ref: string; note: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    if (c.status === "in_progress" || c.status === "extension_approved") {
      await recordEvent(tx, { complaintId: c.id, type: "progress", actor: o.actor, note: o.note, at: now });
      return c;
    }
    return transitionComplaint(deps, progressMove({ ...o, ref: c.id }), tx);
  });
}
