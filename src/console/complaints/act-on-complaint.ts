import type { ComplaintDesk } from "../../complaints";
import type { Role } from "../../staff";
import { consoleErrors } from "../errors";
import { mayActOnComplaint } from "../staff-policy";
import { loadVisibleTicket } from "./load-visible-ticket";

export interface ActOnComplaintOptions {
  desk: ComplaintDesk;
  ref: string;
  /** The move by its admin-API path ("sign", "extension/decision"). */
  action: string;
  /** The admin API's body for that move (validated there). */
  body: Record<string, unknown>;
  role: Role;
  onlyDepartment: string | undefined;
  actor: string;
}

/** One move of the 12345 workflow from the console, refused as the admin API refuses it; returns the ticket number. */
export async function actOnComplaint(o: ActOnComplaintOptions): Promise<string> {
  if (!mayActOnComplaint(o.role, o.action)) throw consoleErrors("complaint_action_not_for_role");
  const t = await loadVisibleTicket(o);
  await o.desk.act(o.action, t.ticketNo, o.body, o.actor);
  return t.ticketNo;
}
