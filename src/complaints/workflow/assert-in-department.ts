import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { findComplaint } from "./db";

/**
 * A department-limited staff member (a handler) works only on tickets dispatched to their
 * department: any other ticket is "not found", exactly as an unknown number, so trying
 * numbers tells nothing. `department` undefined: the role sees every department.
 */
export async function assertComplaintInDepartment(deps: ComplaintsDeps, ref: string, department: string | undefined): Promise<void> {
  if (department === undefined) return;
  const c = await findComplaint(deps.app.db.prisma, ref);
  if (c.department !== department) throw complaintErrors("ticket_not_found", { ticket: ref });
}
