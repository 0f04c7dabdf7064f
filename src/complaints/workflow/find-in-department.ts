import { complaintErrors } from "../errors";
import { findComplaint, type Complaint, type Tx } from "./db";

/**
 * A ticket as a department-limited staff member (a handler) may see it: one dispatched to
 * another department is "not found", exactly as an unknown number, so trying numbers tells
 * nothing. `department` undefined: the role sees every department.
 */
export async function findComplaintInDepartment(db: Tx, ref: string, department: string | undefined): Promise<Complaint> {
  const c = await findComplaint(db, ref);
  if (department !== undefined && c.department !== department) throw complaintErrors("ticket_not_found", { ticket: ref });
  return c;
}
