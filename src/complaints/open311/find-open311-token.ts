import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { checkJurisdiction } from "./check-jurisdiction";
import type { Complaint } from "../workflow/db";

const TOKEN = /^[0-9a-f-]{36}$/i;

/** GET tokens/:token — the request an Open311 POST answered with this token (the ticket id). */
export async function findOpen311Token(deps: ComplaintsDeps, o: { token: string; jurisdictionId?: string | undefined }): Promise<Complaint> {
  checkJurisdiction(deps, o.jurisdictionId);
  const row = TOKEN.test(o.token) ? await deps.app.db.prisma.complaint.findFirst({ where: { id: o.token, channel: "open311" } }) : null;
  if (!row) throw complaintErrors("service_token_not_found", { token: o.token });
  return row;
}
