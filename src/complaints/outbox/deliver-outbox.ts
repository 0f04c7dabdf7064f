import type { Prisma } from "../../platform/db";
import type { ComplaintsDeps } from "../deps";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, sign12345 } from "./signature";

export class DeliveryError extends Error {}

/**
 * One delivery attempt of an outbox row to the 12345 platform. The row is claimed with a
 * conditional update first, so two workers (retry + replay, two instances) never post it at
 * the same time; the Idempotency-Key header lets the platform drop a redelivery after a lost
 * response. A failure counts against the row: below the limit it throws (the queue retries
 * with exponential backoff), at the limit the row goes to the dead-letter list.
 */
export async function deliverOutbox(deps: ComplaintsDeps, id: string): Promise<"sent" | "dead" | "skipped"> {
  const { app, outbox: settings } = deps;
  const prisma = app.db.prisma;
  const now = app.now();
  const staleClaim = new Date(now.getTime() - 2 * settings.timeoutMs);
  const { count } = await prisma.complaintOutbox.updateMany({
    where: { id, status: "pending", OR: [{ claimedAt: null }, { claimedAt: { lt: staleClaim } }] },
    data: { claimedAt: now },
  });
  if (count !== 1) return "skipped";
  const row = await prisma.complaintOutbox.findUniqueOrThrow({ where: { id } });
  let error: string | undefined;
  try {
    const body = JSON.stringify(await withContact(deps, row.complaintId, row.payload));
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const res = await fetch(app.config.TWELVE345_URL!, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": row.idempotencyKey,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: sign12345(app.config.TWELVE345_SECRET!, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!res.ok) error = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
  } catch (e) {
    error = String((e as Error)?.message ?? e);
  }
  const attempts = row.attempts + 1;
  if (!error) {
    await prisma.complaintOutbox.update({ where: { id }, data: { status: "sent", sentAt: app.now(), attempts, claimedAt: null, lastError: null } });
    return "sent";
  }
  const dead = attempts >= settings.maxAttempts;
  await prisma.complaintOutbox.update({ where: { id }, data: { status: dead ? "dead" : "pending", attempts, lastError: error, claimedAt: null } });
  if (dead) {
    app.logger.error({ outboxId: id, attempts, error }, "12345 forwarding gave up; in the dead-letter list");
    return "dead";
  }
  throw new DeliveryError(`12345 delivery failed (attempt ${attempts}): ${error}`);
}

/** The contact is added only now, from the encrypted columns, and only with consent. */
async function withContact(deps: ComplaintsDeps, complaintId: string, payload: Prisma.JsonValue): Promise<unknown> {
  const c = await deps.app.db.prisma.complaint.findUnique({
    where: { id: complaintId },
    select: { contactConsent: true, contactNameEnc: true, contactPhoneEnc: true },
  });
  const dec = (v: string | null | undefined) => (v ? deps.app.crypto.decrypt(v) : null);
  const contact = c?.contactConsent ? { name: dec(c.contactNameEnc), phone: dec(c.contactPhoneEnc) } : null;
  return { ...(payload as Record<string, unknown>), contact };
}
