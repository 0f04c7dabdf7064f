import { complaintErrors } from "../errors";
import { formatShanghai } from "../../calendar";
import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { transitionComplaint } from "./transition";

/** 退回: a department says the ticket is not theirs — with a reason, within the return window. */
export async function returnComplaint(deps: ComplaintsDeps, o: { ref: string; reason: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  return transitionComplaint(deps, {
    ref: o.ref,
    to: "returned",
    actor: o.actor,
    note: o.reason,
    check: (c) => {
      if (c.returnDueAt && now > c.returnDueAt) {
        throw complaintErrors("return_window_closed", { dueAt: formatShanghai(c.returnDueAt) }, { returnDueAt: c.returnDueAt });
      }
    },
    data: (c) => ({ department: c.department }),
    // Back to the dispatcher; the next department gets a fresh clock at re-dispatch.
    patch: (c) => ({ dispatcherQueue: true, department: null, departmentId: null, signedAt: null, suggestedDepartment: c.suggestedDepartment }),
  });
}
