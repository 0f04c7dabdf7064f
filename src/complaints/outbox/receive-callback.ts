import { z } from "zod";
import { AppError } from "../../platform/errors";
import type { ComplaintsDeps } from "../deps";
import { notifyCitizen } from "../notify-citizen";
import { closeMove } from "../workflow/close-complaint";
import { findComplaint } from "../workflow/db";
import { replyMove } from "../workflow/reply-complaint";
import { transitionComplaint } from "../workflow/transition";
import { verify12345, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

export const callbackSchema = z.object({
  /** The platform's id for this event: a redelivery carries the same one. */
  eventId: z.string().min(1).max(200),
  ticketNo: z.string().min(1).max(40),
  /** progress | replied | closed */
  status: z.enum(["progress", "replied", "closed"]),
  note: z.string().max(5000).optional(),
  replyText: z.string().min(1).max(5000).optional(),
});

export interface ReceiveCallbackOptions {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A status callback from the 12345 platform. The signature is checked over the exact bytes
 * received before anything is parsed (a bad one changes nothing: 401). The event is stored
 * under its eventId, unique, in the same transaction as the status change, so a redelivered
 * callback is acknowledged and ignored.
 */
export async function receiveCallback(deps: ComplaintsDeps, o: ReceiveCallbackOptions): Promise<{ duplicate: boolean }> {
  const secret = deps.app.config.TWELVE345_SECRET;
  if (!secret) throw new AppError("not_configured", "12345 platform not configured");
  const h = (name: string) => [o.headers[name]].flat()[0];
  if (!verify12345(secret, h(TIMESTAMP_HEADER), h(SIGNATURE_HEADER), o.rawBody, deps.app.now())) {
    throw new AppError("unauthorized", "Bad or missing 12345 signature");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(o.rawBody);
  } catch {
    throw new AppError("bad_request", "Body is not JSON");
  }
  const r = callbackSchema.safeParse(parsed);
  if (!r.success) throw new AppError("validation_failed", r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const cb = r.data;
  const now = deps.app.now();
  const result = await deps.app.db.prisma.$transaction(async (tx) => {
    const c = await findComplaint(tx, cb.ticketNo);
    const { count } = await tx.complaintEvent.createMany({
      data: [{ complaintId: c.id, type: "callback", actor: "12345", note: cb.note ?? cb.replyText ?? null, data: cb, dedupeKey: `12345:${cb.eventId}`, at: now }],
      skipDuplicates: true,
    });
    if (count === 0) return { duplicate: true, replied: undefined };
    // The platform's department answered or closed it: the same moves as the staff actions.
    if (cb.status === "replied") {
      if (!cb.replyText) throw new AppError("validation_failed", "replyText: required for status replied");
      const updated = await transitionComplaint(deps, replyMove({ ref: c.id, replyText: cb.replyText, actor: "12345", at: now }), tx);
      return { duplicate: false, replied: updated };
    }
    if (cb.status === "closed") await transitionComplaint(deps, closeMove({ ref: c.id, note: cb.note, actor: "12345", at: now }), tx);
    return { duplicate: false, replied: undefined };
  });
  if (result.replied) await notifyCitizen(deps, result.replied, `complaint:${result.replied.ticketNo}:reply:12345:${cb.eventId}`);
  return { duplicate: result.duplicate };
}
