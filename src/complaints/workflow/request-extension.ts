import { assertCanRequestExtension, type ComplaintStatus } from "../complaint-status";
import { assertExtensionRequest } from "../deadlines";
import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { policyFor } from "./deadline-fields";
import { transitionComplaint } from "./transition";

/** 申请延期: once per ticket, at most the policy's cap, never for urgent tickets. */
export async function requestExtension(deps: ComplaintsDeps, o: { ref: string; workdays: number; reason: string; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, {
    ref: o.ref,
    to: "extension_requested",
    actor: o.actor,
    note: o.reason,
    data: { workdays: o.workdays },
    check: async (c, tx) => {
      const history = await tx.complaintEvent.findMany({ where: { complaintId: c.id, type: "status" }, select: { toStatus: true } });
      assertCanRequestExtension(history.map((h) => h.toStatus as ComplaintStatus));
      assertExtensionRequest({ workdays: o.workdays, urgent: c.urgent, extensionsApproved: c.extensionWorkdays > 0 ? 1 : 0 }, policyFor(deps, c));
    },
  });
}
