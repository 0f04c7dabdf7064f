import { z } from "zod";
import { COMPLAINT_KINDS, SATISFACTION_LEVELS } from "../types";

/** Form fields arrive as strings in multipart bodies; JSON sends real booleans and numbers. */
export const formBool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "on", "yes", "no"])])
  .transform((v) => v === true || v === "true" || v === "1" || v === "on" || v === "yes");
export const formNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

export const newComplaintBody = z.object({
  text: z.string().trim().min(5).max(2000),
  kind: z.enum(COMPLAINT_KINDS).optional(),
  address: z.string().trim().max(200).optional(),
  lat: formNumber.pipe(z.number().min(-90).max(90)).optional(),
  lng: formNumber.pipe(z.number().min(-180).max(180)).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  occurredText: z.string().max(100).optional(),
  contactName: z.string().trim().max(50).optional(),
  contactPhone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).optional(),
  contactConsent: formBool.optional(),
  publicationConsent: formBool.optional(),
  urgent: formBool.optional(),
});

export const ratingBody = z.object({
  satisfaction: z.enum(SATISFACTION_LEVELS),
  comment: z.string().max(500).optional(),
});

export const ticketParams = z.object({ ticketNo: z.string().regex(/^QH\d{14}$/i) });
export const refParams = z.object({ ref: z.string().min(1).max(40) });

/** Client-supplied Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header). */
export const idempotencyKeyOf = (header: string | undefined) => {
  const k = header?.trim();
  return k && /^[\x21-\x7e]{1,128}$/.test(k) ? k : undefined;
};
