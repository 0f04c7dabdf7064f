import type { Prisma } from "../../platform/db";
import type { ComplaintsDeps } from "../deps";
import type { Complaint, Tx } from "../workflow/db";
import { enqueueDelivery } from "./delivery-job";

/**
 * The event for the external 12345 platform, written in the caller's transaction: if the
 * ticket commits, so does its forwarding; if not, neither. The contact (with the citizen's
 * consent) is added from the encrypted columns at delivery, so the outbox holds no clear text.
 */
export async function writeOutbox(deps: ComplaintsDeps, tx: Tx, c: Complaint, eventType: string): Promise<string | undefined> {
  if (!deps.app.config.features.twelve345) return undefined;
  const payload = {
    event: eventType,
    ticketNo: c.ticketNo,
    kind: c.kind,
    text: c.text,
    address: c.address,
    location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    occurredAt: c.occurredAt?.toISOString() ?? null,
    channel: c.channel,
    urgent: c.urgent,
    category: c.category,
    department: c.department ?? c.suggestedDepartment,
    status: c.status,
    acceptedAt: c.createdAt.toISOString(),
  };
  const row = await tx.complaintOutbox.create({
    data: {
      complaintId: c.id,
      eventType,
      idempotencyKey: `${c.ticketNo}:${eventType}`,
      payload: payload as Prisma.InputJsonValue,
    },
  });
  return row.id;
}

/** After commit: drive delivery. Losing this enqueue is harmless — the outbox sweep re-enqueues pending rows. */
export async function kickOutbox(deps: ComplaintsDeps, id: string | undefined): Promise<void> {
  if (!id) return;
  // A new row is at turn 0.
  await enqueueDelivery(deps, id, 0).catch((err: unknown) => deps.app.logger.warn({ err, outboxId: id }, "outbox enqueue failed; the outbox sweep will re-enqueue it"));
}
