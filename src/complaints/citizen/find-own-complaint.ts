import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "../workflow/db";
import type { ComplaintWithTimeline } from "../workflow/get-complaint";

/**
 * Who owns a ticket: the mini-program user, the Official Account openid that filed it in chat,
 * or both (a citizen signed in on the H5 pages: their user and their Official Account openid).
 */
export type ComplaintOwner = { userId: string; openid?: string } | { userId?: string; openid: string };

/** The tickets of an owner: filed as the user, or in chat under the openid. */
export const ownedBy = (o: ComplaintOwner) => ({ OR: [...(o.userId ? [{ userId: o.userId }] : []), ...(o.openid ? [{ openid: o.openid }] : [])] });

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
  const { userId, openid } = o.owner;
  return (userId && c.userId === userId) || (openid && c.openid === openid) ? c : undefined;
}
