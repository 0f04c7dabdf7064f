import type { ComplaintsDeps } from "../deps";
import { notifyCitizen } from "../notify-citizen";
import type { Complaint } from "./db";
import { transitionComplaint, type TransitionOptions } from "./transition";

/**
 * The 答复 move, whoever answers — staff here, the 12345 platform by status callback — so the
 * ticket, its timeline and the citizen's notice come out the same either way.
 */
export const replyMove = (o: { ref: string; replyText: string; actor: string; at: Date }): TransitionOptions => ({
  ref: o.ref,
  to: "replied",
  actor: o.actor,
  note: o.replyText,
  patch: () => ({ replyText: o.replyText, repliedAt: o.at, dispatcherQueue: false }),
});

/**
 * 答复: the department's (or, for simple requests, the hotline's own) answer. Committed first,
 * then sent to the citizen on the channel they used; Open311 clients read it as the status.
 */
export async function replyComplaint(deps: ComplaintsDeps, o: { ref: string; replyText: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  const c = await transitionComplaint(deps, replyMove({ ...o, at: now }));
  await notifyCitizen(deps, c, `complaint:${c.ticketNo}:reply:${now.getTime()}`);
  return c;
}
