import type { Prisma } from "../../platform/db";
import type { Complaint } from "../../generated/prisma/client";
import { complaintErrors } from "../errors";

export type Tx = Prisma.TransactionClient;
export type { Complaint };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ticket by its id or its ticket number (what staff and citizens quote). */
export async function findComplaint(db: Tx, ref: string): Promise<Complaint> {
  const c = UUID.test(ref)
    ? await db.complaint.findUnique({ where: { id: ref } })
    : await db.complaint.findUnique({ where: { ticketNo: ref.trim().toUpperCase() } });
  if (!c) throw complaintErrors("ticket_not_found", { ticket: ref });
  return c;
}

/**
 * The ticket, locked for the rest of the transaction (SELECT … FOR UPDATE) and read after the
 * lock: a decision taken on its status (which moves a callback makes) cannot be overtaken by
 * another transaction moving it meanwhile — that one waits, then reads the outcome.
 */
export async function lockComplaint(tx: Tx, ref: string): Promise<Complaint> {
  const found = await findComplaint(tx, ref);
  await tx.$queryRaw`SELECT id FROM complaint WHERE id = ${found.id}::uuid FOR UPDATE`;
  return tx.complaint.findUniqueOrThrow({ where: { id: found.id } });
}
