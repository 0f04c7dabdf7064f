import type { ComplaintsDeps } from "../deps";
import { createComplaint, type CreateComplaintOptions, type CreateComplaintResult } from "./create-complaint";
import { storeUploads, type StoreUploadsOptions } from "./store-uploads";

/** What the citizen typed into the mini-program's form (occurredAt: an ISO 8601 instant). */
export type MpComplaintFields = Pick<
  CreateComplaintOptions,
  "text" | "kind" | "address" | "lat" | "lng" | "occurredText" | "contactName" | "contactPhone" | "contactConsent" | "publicationConsent" | "urgent"
> & { occurredAt?: string | undefined };

export interface SubmitMpComplaintOptions extends MpComplaintFields, StoreUploadsOptions {
  userId: string;
  /** The client's Idempotency-Key, already checked: a double tap is one ticket. */
  idempotencyKey?: string | undefined;
}

/** A complaint from the mini-program: its images are stored (content-addressed) before the ticket commits. */
export async function submitMpComplaint(deps: ComplaintsDeps, o: SubmitMpComplaintOptions): Promise<CreateComplaintResult> {
  const { uploads, log, userId, idempotencyKey, occurredAt, ...fields } = o;
  const images = await storeUploads(deps, { uploads, log });
  return createComplaint(deps, {
    ...fields,
    occurredAt: occurredAt ? new Date(occurredAt) : undefined,
    channel: "miniprogram",
    userId,
    images,
    idempotencyKey: idempotencyKey ? `mp:${userId}:${idempotencyKey}` : undefined,
  });
}
