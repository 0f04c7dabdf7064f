import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { transitionComplaint } from "./transition";

/** 签收: the department accepts the ticket as theirs (the return window stays open, see deadlines.ts). */
export async function signComplaint(deps: ComplaintsDeps, o: { ref: string; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, { ref: o.ref, to: "signed", actor: o.actor, patch: () => ({ signedAt: deps.app.now() }) });
}
