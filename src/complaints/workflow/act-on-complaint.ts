import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { issuesText } from "../issues-text";
import type { Complaint } from "./db";
import { DESK_ACTIONS } from "./desk-actions";
import { findComplaintInDepartment } from "./find-in-department";

export interface ActOnComplaintOptions {
  /** The move's name (desk-actions.ts): dispatch, sign, return, reply, extension/decision, … */
  action: string;
  ref: string;
  /** The move's body, checked against its schema here. */
  body: unknown;
  actor: string;
  /** A handler's own department: a ticket of another one is not found. */
  department?: string | undefined;
}

/** One staff move on a ticket by its name, for the admin API and the console alike. */
export async function actOnComplaint(deps: ComplaintsDeps, o: ActOnComplaintOptions): Promise<Complaint> {
  const action = DESK_ACTIONS.find((a) => a.name === o.action);
  if (!action) throw complaintErrors("action_unknown", { action: o.action });
  const parsed = action.body.safeParse(o.body);
  if (!parsed.success) throw complaintErrors("action_body_invalid", { action: o.action, issues: issuesText(parsed.error.issues) }, { issues: parsed.error.issues });
  if (o.department !== undefined) await findComplaintInDepartment(deps.app.db.prisma, o.ref, o.department);
  return action.run(deps, o.ref, parsed.data, o.actor);
}
