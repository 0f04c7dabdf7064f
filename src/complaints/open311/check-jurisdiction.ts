import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";

/**
 * GeoReport v2's jurisdiction_id: optional for an endpoint serving one jurisdiction, but when
 * a client names one it must be ours (OPEN311_JURISDICTION_ID), or the request was meant for
 * another endpoint and is answered 404 rather than silently served.
 */
export function checkJurisdiction(deps: ComplaintsDeps, jurisdictionId: string | undefined): void {
  if (jurisdictionId === undefined) return;
  if (jurisdictionId !== deps.app.config.OPEN311_JURISDICTION_ID) throw complaintErrors("jurisdiction_not_found", { id: jurisdictionId.slice(0, 100) });
}
