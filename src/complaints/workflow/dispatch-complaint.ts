import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { deadlineFields } from "./deadline-fields";
import { transitionComplaint } from "./transition";

export interface DispatchComplaintOptions {
  ref: string;
  department: string;
  /** Catalog department id, when the department is one of the catalog's. */
  departmentId?: string | undefined;
  actor: string;
  note?: string | undefined;
}

/** 派单: a dispatcher sends the ticket to a department; its deadlines start now. */
export async function dispatchComplaint(deps: ComplaintsDeps, o: DispatchComplaintOptions): Promise<Complaint> {
  const now = deps.app.now();
  const calendar = await deps.calendar.get();
  return transitionComplaint(deps, {
    ref: o.ref,
    to: "dispatched",
    actor: o.actor,
    note: o.note,
    data: { department: o.department },
    patch: (c) => ({
      department: o.department,
      departmentId: o.departmentId ?? null,
      dispatcherQueue: false,
      signedAt: null,
      ...deadlineFields(deps, calendar, c, now),
    }),
  });
}
