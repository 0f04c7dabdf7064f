import { z } from "zod";
import { COMPLAINT_STATUSES } from "../complaint-status";
import { MAX_IMAGES } from "../images/image-type";
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
/** A ticket's image: its position among the ticket's (at most 9) images. */
export const imageParams = refParams.extend({ position: z.coerce.number().int().min(0).max(MAX_IMAGES - 1) });

/** Client-supplied Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header). */
export const idempotencyKeyOf = (header: string | undefined) => {
  const k = header?.trim();
  return k && /^[\x21-\x7e]{1,128}$/.test(k) ? k : undefined;
};

/** A comma-delimited GeoReport argument ("open,closed"): its non-empty items. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .transform((v) => v.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(max));

/** An Open311 media_url: only a public http(s) link is stored and shown. */
const mediaUrl = z.url({ protocol: /^https?$/, error: "media_url must be an http(s) URL" }).max(500);

/** jurisdiction_id, on every Open311 call (checked against OPEN311_JURISDICTION_ID). */
const jurisdiction = { jurisdiction_id: z.string().max(100).optional() };

/** Open311 POST requests (GeoReport v2 field names); `attribute[kind]` is the definition's one attribute. */
export const open311PostBody = z
  .object({
    ...jurisdiction,
    api_key: z.string().optional(),
    service_code: z.string(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    long: z.coerce.number().min(-180).max(180).optional(),
    address_string: z.string().max(200).optional(),
    address_id: z.string().max(100).optional(),
    description: z.string().trim().min(5, "description must have at least 5 characters").max(2000),
    first_name: z.string().max(50).optional(),
    last_name: z.string().max(50).optional(),
    phone: z.string().max(30).optional(),
    email: z.string().max(100).optional(),
    device_id: z.string().max(100).optional(),
    account_id: z.string().max(100).optional(),
    media_url: mediaUrl.optional(),
    attribute: z.object({ kind: z.enum(COMPLAINT_KINDS).optional() }).optional(),
  })
  .refine((b) => (b.lat !== undefined && b.long !== undefined) || !!b.address_string, "a location is required: lat and long, or address_string");

/** Open311 GET requests: status and service_code comma-delimited; service_request_id overrides the rest. */
export const open311ListQuery = z.object({
  ...jurisdiction,
  service_request_id: commaList(z.string().max(40), 1000).optional(),
  service_code: commaList(z.string().max(40), 50).optional(),
  status: commaList(z.enum(["open", "closed"]), 2).optional(),
  start_date: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  end_date: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
});

/** Open311 calls without arguments of their own. */
export const open311Query = z.object(jurisdiction);

/** Staff list of tickets. */
export const staffListQuery = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  queue: z.enum(["dispatcher"]).optional(),
  overdue: z.enum(["true"]).optional(),
  department: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A category's department: a name, a catalog department, or both. */
export const routeBody = z
  .object({ department: z.string().trim().min(2).max(100).optional(), departmentId: z.uuid().optional() })
  .refine((b) => b.department || b.departmentId, "department or departmentId is required");

export const outboxQuery = z.object({ status: z.enum(["pending", "sent", "dead"]).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

/** The rating link's token (`?t=`), as sent with a reply. */
export const ratingLinkQuery = z.object({ t: z.string().optional() });
/** The H5 rating page's form post (documented; the operation checks the token and the level). */
export const ratingForm = ratingLinkQuery.extend({ satisfaction: z.enum(SATISFACTION_LEVELS) });
/**
 * What that form post is checked against: two text fields. The token is checked before the
 * level (rateByLink), so a wrong link is refused as such whatever level was chosen.
 */
export const ratingFormPost = z.object({ t: z.string().optional(), satisfaction: z.string().optional() });
