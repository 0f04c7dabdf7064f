import type { ComplaintsDeps } from "../deps";
import { notifyCitizen } from "../notify-citizen";
import type { Complaint } from "./db";
import { transitionComplaint } from "./transition";

/**
 * 答复: the department's (or, for simple requests, the hotline's own) answer. Committed first,
 * then sent to the citizen on the channel they used; Open311 clients read it as the status.
 */
export async function replyComplaint(deps: ComplaintsDeps, o: { ref: string; replyText: string; actor: string }): Promise<Complaint> {
  const now = deps.app.now();
  const c = await transitionComplaint(deps, {
    ref: o.ref,
    to: "replied",
    actor: o.actor,
    note: o.replyText,
    patch: () => ({ replyText: o.replyText, repliedAt: now, dispatcherQueue: false }),
  });
  await notifyCitizen(deps, c, `complaint:${c.ticketNo}:reply:${now.getTime()}`);
  return c;
}
