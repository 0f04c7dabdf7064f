import type { Prisma } from "../../platform/db";
import type { ComplaintsDeps } from "../deps";
import { enqueueDelivery } from "./delivery-job";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, sign12345 } from "./signature";

/** Thrown when it is this job's turn but an earlier attempt's claim is still fresh: the queue retries the job later. */
export class OutboxBusyError extends Error {}

/** A claim older than this belongs to an attempt that cannot still be running (it would have timed out). */
export const staleClaimMs = (deps: ComplaintsDeps) => 2 * deps.outbox.timeoutMs;

/**
 * One delivery attempt of an outbox row to the 12345 platform. The row is claimed with a
 * conditional update first — pending, this job's turn (jobSeq), no fresh claim — which also
 * moves the row to its next turn, so two workers (retry + replay, two instances) never post
 * it at the same time; the Idempotency-Key header lets the platform drop a redelivery after a
 * lost response. A failure counts against the row: below the limit the next turn is queued
 * with exponential backoff, at the limit the row goes to the dead-letter list.
 */
export async function deliverOutbox(deps: ComplaintsDeps, id: string, seq?: number): Promise<"sent" | "retrying" | "dead" | "skipped"> {
  const { app, outbox: settings } = deps;
  const prisma = app.db.prisma;
  const now = app.now();
  const { count } = await prisma.complaintOutbox.updateMany({
    where: {
      id,
      status: "pending",
      ...(seq === undefined ? {} : { jobSeq: seq }),
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - staleClaimMs(deps)) } }],
    },
    data: { claimedAt: now, jobSeq: { increment: 1 } },
  });
  if (count !== 1) return notClaimed(deps, id, seq);
  const row = await prisma.complaintOutbox.findUniqueOrThrow({ where: { id } });
  // Every write below holds this claim: an attempt that stalled until its claim went stale
  // (a paused process, a slow database) must not overwrite what a later attempt recorded.
  const ours = { id, jobSeq: row.jobSeq, claimedAt: now };
  if (row.claimedAt?.getTime() !== now.getTime()) return overtaken(deps, id, "before posting");
  const error = await post(deps, row, now);
  const attempts = row.attempts + 1;
  if (!error) {
    const sent = await prisma.complaintOutbox.updateMany({ where: ours, data: { status: "sent", sentAt: app.now(), attempts, claimedAt: null, lastError: null } });
    return sent.count === 1 ? "sent" : overtaken(deps, id, "sent, not recorded");
  }
  const dead = attempts >= settings.maxAttempts;
  if (!dead) {
    // Queued before the claim is released, so the sweep cannot slip an early turn in between.
    // If this enqueue is lost, the sweep queues the same turn once the row is released.
    await enqueueDelivery(deps, id, row.jobSeq, settings.backoffMs * 2 ** (attempts - 1)).catch((err: unknown) =>
      app.logger.warn({ err, outboxId: id }, "12345 outbox: retry not enqueued; the sweep will re-enqueue it"),
    );
  }
  const failed = await prisma.complaintOutbox.updateMany({ where: ours, data: { status: dead ? "dead" : "pending", attempts, lastError: error, claimedAt: null } });
  if (failed.count !== 1) return overtaken(deps, id, `failed (${error}), not recorded`);
  if (dead) {
    app.logger.error({ outboxId: id, attempts, error }, "12345 forwarding gave up; in the dead-letter list");
    return "dead";
  }
  app.logger.warn({ outboxId: id, attempts, error }, "12345 delivery failed; retrying");
  return "retrying";
}

/** A later attempt took the row over (this one's claim went stale): its outcome stands. */
function overtaken(deps: ComplaintsDeps, id: string, what: string): "skipped" {
  deps.app.logger.warn({ outboxId: id }, `12345 outbox: a later attempt took over this row; this attempt ${what}`);
  return "skipped";
}

/**
 * Not claimed: the row is done (sent, dead), or another job has taken the turn (its own
 * follow-up carries on) — nothing to do. Only when it is still this job's turn and an
 * earlier claim is fresh (that attempt is running, or its worker died moments ago) does the
 * job fail, so the queue tries it again after the claim has gone stale.
 */
async function notClaimed(deps: ComplaintsDeps, id: string, seq: number | undefined): Promise<"skipped"> {
  const row = await deps.app.db.prisma.complaintOutbox.findUnique({ where: { id }, select: { status: true, jobSeq: true } });
  if (row?.status === "pending" && (seq === undefined || row.jobSeq === seq)) {
    throw new OutboxBusyError(`12345 outbox ${id}: an earlier attempt still holds the claim; retrying later`);
  }
  return "skipped";
}

/** The signed POST; returns the error text, or undefined when the platform accepted it. */
async function post(deps: ComplaintsDeps, row: { complaintId: string; payload: Prisma.JsonValue; idempotencyKey: string }, now: Date): Promise<string | undefined> {
  const { app, outbox: settings } = deps;
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
    return res.ok ? undefined : `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
  } catch (e) {
    return String((e as Error)?.message ?? e);
  }
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
