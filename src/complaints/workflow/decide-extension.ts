import { complaintErrors } from "../errors";
import { text } from "../texts";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "./db";
import { deadlineFields } from "./deadline-fields";
import { transitionComplaint } from "./transition";

/**
 * 延期审批: approval moves the reply deadline by the requested working days (counted on the
 * original dispatch, so the department gains exactly what was approved); refusal sends the
 * ticket back to handling under the original deadline.
 */
export async function decideExtension(deps: ComplaintsDeps, o: { ref: string; approve: boolean; note?: string | undefined; actor: string }): Promise<Complaint> {
  const calendar = await deps.calendar.get();
  return deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, o.ref);
    const request = await tx.complaintEvent.findFirst({
      where: { complaintId: c.id, type: "status", toStatus: "extension_requested" },
      orderBy: [{ at: "desc" }, { seq: "desc" }],
    });
    const workdays = Number((request?.data as { workdays?: number } | null)?.workdays ?? 0);
    if (o.approve && (!workdays || !c.dispatchedAt)) throw complaintErrors("extension_not_requested");
    return transitionComplaint(
      deps,
      {
        ref: c.id,
        to: o.approve ? "extension_approved" : "in_progress",
        actor: o.actor,
        note: o.note ?? (o.approve ? text("timeline.extension_approved", { workdays }) : text("timeline.extension_refused")),
        data: { approved: o.approve, workdays },
        patch: (x) => (o.approve ? deadlineFields(deps, calendar, x, x.dispatchedAt!, workdays) : {}),
      },
      tx,
    );
  });
}
