import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { checkJurisdiction } from "./check-jurisdiction";
import type { Complaint } from "../workflow/db";
import { OPEN311_VISIBLE } from "./find-open311-requests";

/** GET requests/:id — one request the feed shows, by its ticket number. */
export async function findOpen311Request(deps: ComplaintsDeps, o: { id: string; jurisdictionId?: string | undefined }): Promise<Complaint> {
  checkJurisdiction(deps, o.jurisdictionId);
  const row = await deps.app.db.prisma.complaint.findFirst({ where: { ticketNo: o.id.toUpperCase(), ...OPEN311_VISIBLE } });
  if (!row) throw complaintErrors("service_request_not_found", { id: o.id });
  return row;
}
