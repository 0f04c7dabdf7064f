import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";
import type { ComplaintWithTimeline } from "../workflow/get-complaint";

/** Who owns a ticket: the mini-program user, or the Official Account openid that filed it in chat. */
export type ComplaintOwner = { userId: string } | { openid: string };

export interface FindOwnComplaintOptions {
  ticketNo: string;
  owner: ComplaintOwner;
}

/**
 * The sender's own ticket, or undefined — the same answer whether the ticket exists or not:
 * whether a ticket number exists is not theirs to learn.
 */
export async function findOwnComplaint(deps: ComplaintsDeps, o: FindOwnComplaintOptions & { withTimeline: true }): Promise<ComplaintWithTimeline | undefined>;
export async function findOwnComplaint(deps: ComplaintsDeps, o: FindOwnComplaintOptions & { withTimeline?: false }): Promise<Complaint | undefined>;
export async function findOwnComplaint(deps: ComplaintsDeps, o: FindOwnComplaintOptions & { withTimeline?: boolean }): Promise<Complaint | undefined> {
  const where = { ticketNo: o.ticketNo.toUpperCase() };
  const prisma = deps.app.db.prisma;
  const c = o.withTimeline
    ? await prisma.complaint.findUnique({ where, include: { images: true, events: { orderBy: [{ at: "asc" }, { seq: "asc" }] } } })
    : await prisma.complaint.findUnique({ where });
  if (!c) return undefined;
  return ("userId" in o.owner ? c.userId === o.owner.userId : c.openid === o.owner.openid) ? c : undefined;
}
