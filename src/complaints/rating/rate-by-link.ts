import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { SATISFACTION_LEVELS, type Satisfaction } from "../types";
import type { Complaint } from "../workflow/db";
import { openRatingLink } from "./open-rating-link";
import { rateComplaint } from "./rate-complaint";

/** A rating given on the page of the link sent with a reply (one of the five levels). */
export async function rateByLink(deps: ComplaintsDeps, o: { ticketNo: string; token: unknown; satisfaction: string }): Promise<Complaint> {
  const complaint = await openRatingLink(deps, o);
  if (!SATISFACTION_LEVELS.includes(o.satisfaction as Satisfaction)) throw complaintErrors("rating_level_missing");
  return rateComplaint(deps, { ref: complaint.id, satisfaction: o.satisfaction as Satisfaction, via: "link" });
}
