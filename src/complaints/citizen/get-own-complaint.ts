import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import type { ComplaintWithTimeline } from "../workflow/get-complaint";
import { findOwnComplaint, type ComplaintOwner } from "./find-own-complaint";

/** The citizen's own ticket with its timeline, or 404 (never 403: see findOwnComplaint). */
export async function getOwnComplaint(deps: ComplaintsDeps, o: { ticketNo: string; owner: ComplaintOwner }): Promise<ComplaintWithTimeline> {
  const c = await findOwnComplaint(deps, { ...o, withTimeline: true });
  if (!c) throw complaintErrors("ticket_not_found", { ticket: o.ticketNo });
  return c;
}
