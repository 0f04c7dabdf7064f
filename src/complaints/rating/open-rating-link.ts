import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { ratingToken } from "../rating-link";
import type { Complaint } from "../workflow/db";

/**
 * The ticket behind the rating link sent with a reply: no login, the token proves the message
 * was received. A wrong token is refused before the ticket is looked up.
 */
export async function openRatingLink(deps: ComplaintsDeps, o: { ticketNo: string; token: unknown }): Promise<Complaint> {
  const ticketNo = o.ticketNo.toUpperCase();
  if (typeof o.token !== "string" || o.token !== ratingToken(deps.app, ticketNo)) throw complaintErrors("rating_link_invalid");
  const c = await deps.app.db.prisma.complaint.findUnique({ where: { ticketNo } });
  if (!c) throw complaintErrors("ticket_not_found", { ticket: o.ticketNo });
  return c;
}
