import type { ComplaintsDeps } from "../deps";
import { rateComplaint } from "../rating/rate-complaint";
import type { Satisfaction } from "../types";
import type { Complaint } from "../workflow/db";
import { getOwnComplaint } from "./get-own-complaint";

/** The mini-program user rates the answer to their own ticket (好差评). */
export async function rateOwnComplaint(
  deps: ComplaintsDeps,
  o: { userId: string; ticketNo: string; satisfaction: Satisfaction; comment?: string | undefined },
): Promise<Complaint> {
  const own = await getOwnComplaint(deps, { ticketNo: o.ticketNo, owner: { userId: o.userId } });
  return rateComplaint(deps, { ref: own.id, satisfaction: o.satisfaction, comment: o.comment, via: "miniprogram" });
}
