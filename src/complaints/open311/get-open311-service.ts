import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { checkJurisdiction } from "./check-jurisdiction";
import { SERVICE_CODES } from "./service-codes";

/** GET services/:code — a service the endpoint offers: its code and the category it files into. */
export function getOpen311Service(deps: ComplaintsDeps, o: { code: string; jurisdictionId?: string | undefined }): { code: string; category: string } {
  checkJurisdiction(deps, o.jurisdictionId);
  const category = SERVICE_CODES[o.code];
  if (!category) throw complaintErrors("service_code_not_found", { code: o.code });
  return { code: o.code, category };
}
