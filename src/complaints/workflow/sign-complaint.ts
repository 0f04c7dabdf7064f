import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { transitionComplaint, type TransitionOptions } from "./transition";

/** The 签收 move, for staff and for the 12345 platform's progress callback alike. */
export const signMove = (o: { ref: string; actor: string; at: Date }): TransitionOptions => ({
  ref: o.ref,
  to: "signed",
  actor: o.actor,
  patch: () => ({ signedAt: o.at }),
});

/** 签收: the department accepts the ticket as theirs (the return window stays open, see deadlines.ts). */
export async function signComplaint(deps: ComplaintsDeps, o: { ref: string; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, signMove({ ...o, at: deps.app.now() }));
}
