import type { Prisma } from "../../platform/db";
import { complaintErrors } from "../errors";
import { assertTransition, type ComplaintStatus } from "../complaint-status";
import type { ComplaintsDeps } from "../deps";
import { findComplaint, type Complaint, type Tx } from "./db";

export interface TransitionOptions {
  /** Ticket id or number. */
  ref: string;
  to: ComplaintStatus;
  actor: string;
  note?: string;
  data?: Record<string, unknown> | ((c: Complaint) => Record<string, unknown>);
  /** Checks that need the loaded ticket (deadlines, history). */
  check?: (c: Complaint, tx: Tx) => Promise<void> | void;
  /** Extra columns to set with the new status. */
  patch?: (c: Complaint) => Prisma.ComplaintUpdateManyMutationInput;
  /** More writes in the same transaction (outbox rows, merged tickets). */
  after?: (c: Complaint, tx: Tx) => Promise<void>;
}

/**
 * Every status change: load → pure state machine (assertTransition) → check → a conditional
 * update on the status read (two staff clicking at once: the second gets 409, not a double
 * move) → timeline event, all in one transaction.
 */
export async function transitionComplaint(deps: ComplaintsDeps, o: TransitionOptions, outer?: Tx): Promise<Complaint> {
  const run = async (tx: Tx) => {
    const c = await findComplaint(tx, o.ref);
    const from = c.status as ComplaintStatus;
    assertTransition(from, o.to);
    await o.check?.(c, tx);
    const now = deps.app.now();
    const { count } = await tx.complaint.updateMany({
      where: { id: c.id, status: from, updatedAt: c.updatedAt },
      data: { status: o.to, updatedAt: now, ...o.patch?.(c) },
    });
    if (count !== 1) throw complaintErrors("ticket_changed", {}, { ticketNo: c.ticketNo });
    await tx.complaintEvent.create({
      data: {
        complaintId: c.id,
        type: "status",
        fromStatus: from,
        toStatus: o.to,
        actor: o.actor,
        note: o.note ?? null,
        data: (typeof o.data === "function" ? o.data(c) : o.data) as Prisma.InputJsonValue | undefined,
        at: now,
      },
    });
    const updated = await tx.complaint.findUniqueOrThrow({ where: { id: c.id } });
    await o.after?.(updated, tx);
    return updated;
  };
  return outer ? run(outer) : deps.app.db.prisma.$transaction(run);
}

/** Timeline events that are not status changes (reminders, ratings, callbacks). */
export async function recordEvent(
  tx: Tx,
  e: { complaintId: string; type: string; actor: string; at: Date; note?: string; data?: Record<string, unknown>; dedupeKey?: string },
): Promise<void> {
  await tx.complaintEvent.create({
    data: {
      complaintId: e.complaintId,
      type: e.type,
      actor: e.actor,
      at: e.at,
      note: e.note ?? null,
      dedupeKey: e.dedupeKey ?? null,
      data: (e.data ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
