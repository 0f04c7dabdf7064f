import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { transitionComplaint, type TransitionOptions } from "./transition";

/** The 办结 move, for staff and for the 12345 platform's callback alike. */
export const closeMove = (o: { ref: string; note?: string | undefined; actor: string; at: Date }): TransitionOptions => ({
  ref: o.ref,
  to: "closed",
  actor: o.actor,
  note: o.note,
  patch: () => ({ closedAt: o.at, dispatcherQueue: false }),
});

/** 办结. */
export async function closeComplaint(deps: ComplaintsDeps, o: { ref: string; note?: string | undefined; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, closeMove({ ...o, at: deps.app.now() }));
}
