import type { ComplaintDesk, StaffComplaintView } from "../../complaints";
import type { Role } from "../../staff";
import { mayActOnComplaint } from "../staff-policy";
import { loadVisibleTicket } from "./load-visible-ticket";
import { offeredActions, type ComplaintAction } from "./offered-actions";

export interface GetStaffComplaintOptions {
  desk: ComplaintDesk;
  ref: string;
  role: Role;
  onlyDepartment: string | undefined;
}

/** One ticket for a staff member, with the moves open to them now: allowed by its state and by their role. */
export async function getStaffComplaint(o: GetStaffComplaintOptions): Promise<{ ticket: StaffComplaintView; actions: ComplaintAction[] }> {
  const ticket = await loadVisibleTicket(o);
  const actions = offeredActions(ticket, o.desk.nextStatuses(ticket.status)).filter((a) => mayActOnComplaint(o.role, a));
  return { ticket, actions };
}
