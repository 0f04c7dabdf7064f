import { z } from "zod";
import { complaintErrors } from "../errors";
import { issuesText } from "../issues-text";
import type { ComplaintStatus } from "../complaint-status";
import type { ComplaintsDeps } from "../deps";
import { notifyCitizen } from "../notify-citizen";
import { closeMove } from "../workflow/close-complaint";
import { lockComplaint, type Complaint, type Tx } from "../workflow/db";
import { progressMove } from "../workflow/progress-complaint";
import { replyMove } from "../workflow/reply-complaint";
import { signMove } from "../workflow/sign-complaint";
import { transitionComplaint, type TransitionOptions } from "../workflow/transition";
import { planCallback, type CallbackPlan } from "./callback-plan";
import { verify12345, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

export const callbackSchema = z
  .object({
    /** The platform's id for this event: a redelivery carries the same one. */
    eventId: z.string().min(1).max(200),
    ticketNo: z.string().min(1).max(40),
    /** progress | replied | closed */
    status: z.enum(["progress", "replied", "closed"]),
    note: z.string().max(5000).optional(),
    replyText: z.string().min(1).max(5000).optional(),
  })
  .refine((cb) => cb.status !== "replied" || cb.replyText, { path: ["replyText"], message: "required for status replied" });
type Callback = z.infer<typeof callbackSchema>;

export interface ReceiveCallbackOptions {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface CallbackResult {
  /** This eventId was received before: nothing done again. */
  duplicate: boolean;
  outcome: CallbackPlan["outcome"] | "duplicate";
  /** Why a callback that does not fit the ticket was not applied (also on the timeline). */
  reason?: string;
  /** The ticket's status after the callback. */
  status: string;
}

/**
 * A status callback from the 12345 platform. The signature is checked over the exact bytes
 * received before anything is parsed (a bad one changes nothing: 401); a malformed body is
 * 400 and an unknown ticket 404. Anything else is acknowledged with 200 and recorded on the
 * ticket's timeline under its eventId (unique, in the same transaction as the status change),
 * so a redelivery is answered `duplicate` and never applied twice. A reply or close that
 * arrives before the ticket got that far makes the moves in between (callback-plan.ts); one
 * that is stale or already done is recorded as `ignored` with the reason instead of refused:
 * a webhook answered 4xx is redelivered, and this one never fits.
 */
export async function receiveCallback(deps: ComplaintsDeps, o: ReceiveCallbackOptions): Promise<CallbackResult> {
  const cb = parseCallback(deps, o);
  const now = deps.app.now();
  const dedupeKey = `12345:${cb.eventId}`;
  const { result, replied } = await deps.app.db.prisma.$transaction(async (tx) => {
    // Locked before planning: a progress and a reply arriving together are planned one after
    // the other, each on the status the other left (read unlocked, the reply was planned on
    // 已派单 and dropped while the progress moved the ticket on).
    const c = await lockComplaint(tx, cb.ticketNo);
    const plan = planCallback(c.status as ComplaintStatus, cb.status, { hasReply: Boolean(cb.replyText) });
    const recorded = { ...cb, outcome: plan.outcome, ...(plan.outcome === "ignored" ? { reason: plan.reason } : {}), ...(plan.outcome === "applied" ? { moves: plan.moves } : {}), ticketStatus: c.status };
    const { count } = await tx.complaintEvent.createMany({
      data: [{ complaintId: c.id, type: "callback", actor: "12345", note: cb.note ?? cb.replyText ?? null, data: recorded, dedupeKey, at: now }],
      skipDuplicates: true,
    });
    if (count === 0) {
      return { result: { duplicate: true, outcome: "duplicate", status: c.status } satisfies CallbackResult, replied: await stillItsReply(tx, c, cb, dedupeKey) };
    }
    if (plan.outcome !== "applied") {
      return { result: { duplicate: false, outcome: plan.outcome, status: c.status, ...(plan.outcome === "ignored" ? { reason: plan.reason } : {}) } satisfies CallbackResult };
    }
    const updated = await applyMoves(deps, tx, c, cb, plan.moves, now);
    return { result: { duplicate: false, outcome: plan.outcome, status: updated.status } satisfies CallbackResult, replied: plan.moves.includes("replied") ? updated : undefined };
  });
  if (replied) await notifyCitizen(deps, replied, `complaint:${replied.ticketNo}:reply:12345:${cb.eventId}`);
  return result;
}

/**
 * A redelivered callback whose reply was applied: the notice goes out after the commit, so a
 * crash in between (or a failed send) would leave the citizen untold while the platform's
 * redelivery is answered `duplicate`. The notice is sent again under the same dedupe key —
 * notifications make one message per key, so a citizen already told is not told twice — as
 * long as the ticket still carries this reply (not one given after a 重办).
 */
async function stillItsReply(tx: Tx, c: Complaint, cb: Callback, dedupeKey: string): Promise<Complaint | undefined> {
  if (!cb.replyText || c.replyText !== cb.replyText || !c.repliedAt) return undefined;
  const first = await tx.complaintEvent.findUnique({ where: { dedupeKey }, select: { complaintId: true, data: true } });
  const data = first?.data as { moves?: string[] } | null | undefined;
  return first?.complaintId === c.id && data?.moves?.includes("replied") ? c : undefined;
}

function parseCallback(deps: ComplaintsDeps, o: ReceiveCallbackOptions): Callback {
  const secret = deps.app.config.TWELVE345_SECRET;
  if (!secret) throw complaintErrors("callback_not_configured");
  const h = (name: string) => [o.headers[name]].flat()[0];
  if (!verify12345(secret, h(TIMESTAMP_HEADER), h(SIGNATURE_HEADER), o.rawBody, deps.app.now())) {
    throw complaintErrors("callback_signature_invalid");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(o.rawBody);
  } catch {
    throw complaintErrors("callback_body_not_json");
  }
  const r = callbackSchema.safeParse(parsed);
  if (!r.success) throw complaintErrors("callback_body_invalid", { issues: issuesText(r.error.issues) });
  return r.data;
}

/** The platform's department moved the ticket: the same moves as the staff actions, each in the history. */
async function applyMoves(deps: ComplaintsDeps, tx: Tx, c: Complaint, cb: Callback, moves: ComplaintStatus[], at: Date): Promise<Complaint> {
  const base = { ref: c.id, actor: "12345", at };
  const move = (to: ComplaintStatus): TransitionOptions => {
    if (to === "signed") return signMove(base);
    if (to === "in_progress") return progressMove({ ...base, note: cb.note });
    if (to === "replied") return replyMove({ ...base, replyText: cb.replyText! });
    if (to === "closed") return closeMove({ ...base, note: cb.note });
    throw new Error(`no 12345 callback move to ${to}`);
  };
  let updated = c;
  for (const to of moves) updated = await transitionComplaint(deps, { ...move(to), data: { eventId: cb.eventId } }, tx);
  return updated;
}
