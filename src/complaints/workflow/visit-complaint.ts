import type { ComplaintsDeps } from "../deps";
import type { Complaint } from "./db";
import { transitionComplaint } from "./transition";

/** 回访: the hotline calls the citizen back after the reply; the note records what they said. */
export async function visitComplaint(deps: ComplaintsDeps, o: { ref: string; note: string; actor: string }): Promise<Complaint> {
  return transitionComplaint(deps, { ref: o.ref, to: "visited", actor: o.actor, note: o.note });
}
