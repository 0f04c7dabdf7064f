import type { ComplaintsDeps } from "../deps";
import { complaintErrors } from "../errors";
import { createComplaint, type CreateComplaintResult } from "../intake/create-complaint";
import { checkJurisdiction } from "./check-jurisdiction";
import { findApiClient } from "./find-api-client";
import type { ComplaintKind } from "../types";
import { SERVICE_CODES } from "./service-codes";

export interface SubmitOpen311RequestOptions {
  /** jurisdiction_id: when given, it must be ours (check-jurisdiction.ts); checked before the key. */
  jurisdictionId?: string | undefined;
  apiKey: string | undefined;
  serviceCode: string;
  description: string;
  lat?: number | undefined;
  long?: number | undefined;
  address?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  /** media_url: a public http(s) link to a photo, checked by the route's schema. */
  mediaUrl?: string | undefined;
  /** attribute[kind] of the service definition; default 投诉. */
  kind?: ComplaintKind | undefined;
  /** The client's Idempotency-Key, already checked. */
  idempotencyKey?: string | undefined;
}

/**
 * POST requests: a client with a valid API key files a ticket in the category of its service
 * code. Giving a name or phone is taken as consent to be contacted.
 */
export async function submitOpen311Request(deps: ComplaintsDeps, o: SubmitOpen311RequestOptions): Promise<CreateComplaintResult> {
  checkJurisdiction(deps, o.jurisdictionId);
  const client = await findApiClient(deps, o.apiKey);
  if (!client) throw complaintErrors("api_key_invalid");
  const category = SERVICE_CODES[o.serviceCode];
  if (!category) throw complaintErrors("service_code_not_found", { code: o.serviceCode });
  const name = [o.lastName, o.firstName].filter(Boolean).join("");
  return createComplaint(deps, {
    text: o.description,
    kind: o.kind,
    mediaUrl: o.mediaUrl,
    address: o.address,
    lat: o.lat,
    lng: o.long,
    channel: "open311",
    open311ClientId: client.id,
    category,
    contactName: name || undefined,
    contactPhone: o.phone,
    contactConsent: Boolean(name || o.phone),
    idempotencyKey: o.idempotencyKey ? `open311:${client.id}:${o.idempotencyKey}` : undefined,
  });
}
