import { complaintErrors } from "../errors";
import { isTerminal, type ComplaintStatus } from "../complaint-status";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint } from "./db";
import { recordEvent, transitionComplaint } from "./transition";

/**
 * 合并: a duplicate joins an open ticket about the same matter; it ends as 已合并 pointing at
 * the ticket that carries on, and that ticket's timeline records who joined it.
 */
export async function mergeComplaints(deps: ComplaintsDeps, o: { ref: string; intoRef: string; actor: string }): Promise<Complaint> {
  return deps.app.db.prisma.$transaction(async (tx) => {
    const target = await findComplaint(tx, o.intoRef);
    return transitionComplaint(
      deps,
      {
        ref: o.ref,
        to: "merged",
        actor: o.actor,
        data: { intoTicketNo: target.ticketNo },
        check: (c) => {
          if (c.id === target.id) throw complaintErrors("merge_into_self");
          if (isTerminal(target.status as ComplaintStatus)) throw complaintErrors("merge_target_closed", { ticketNo: target.ticketNo });
        },
        patch: () => ({ mergedIntoId: target.id, dispatcherQueue: false }),
        after: async (c) => {
          await recordEvent(tx, { complaintId: target.id, type: "merge", actor: o.actor, at: deps.app.now(), data: { merged: c.ticketNo } });
        },
      },
      tx,
    );
  });
}
