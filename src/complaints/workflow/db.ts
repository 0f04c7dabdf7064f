import type { Prisma } from "../../platform/db";
import type { Complaint } from "../../generated/prisma/client";
import { AppError } from "../../platform/errors";

export type Tx = Prisma.TransactionClient;
export type { Complaint };


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ticket by its id or its ticket number (what staff and citizens quote). */
export async function findComplaint(db: Tx, ref: string): Promise<Complaint> {
  const c = UUID.test(ref)
    ? await db.complaint.findUnique({ where: { id: ref } })
    : await db.complaint.findUnique({ where: { ticketNo: ref.trim().toUpperCase() } });
  if (!c) throw new AppError("not_found", `工单不存在：${ref}`);
  return c;
}
