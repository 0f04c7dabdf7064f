import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../complaint-status";
import { anonymiseText, publicPlace } from "../place";
import { lookupTable } from "../../platform/lookup-table";
import { CATEGORIES } from "../types";
import type { Complaint } from "../workflow/db";

/** Open311 service codes: stable ASCII codes for the seven categories. */
export const SERVICE_CODES = lookupTable(CATEGORIES.map((c, i) => [`QH-${String(i + 1).padStart(3, "0")}`, c] as const));
export const serviceCodeOf = (category: string | null) => Object.entries(SERVICE_CODES).find(([, c]) => c === category)?.[0] ?? null;

const CLOSED: readonly string[] = ["replied", "visited", "rated", "closed", "merged"];

/**
 * A service request as GeoReport v2 shows it. The feed is public, so the description is
 * anonymised and the place is the district only, coordinates withheld (`publicPlace`).
 */
export function presentOpen311Request(c: Complaint) {
  const closed = CLOSED.includes(c.status);
  const place = publicPlace(c);
  return {
    service_request_id: c.ticketNo,
    status: closed ? "closed" : "open",
    // "Explanation of why status was changed to current state": the answer while it stands;
    // a reopened (重办) request keeps its old replyText, but that answer no longer holds.
    status_notes: closed && c.replyText ? anonymiseText(c.replyText) : COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus],
    service_name: c.category,
    service_code: serviceCodeOf(c.category),
    description: anonymiseText(c.text),
    agency_responsible: c.department,
    service_notice: null,
    requested_datetime: c.createdAt.toISOString(),
    updated_datetime: c.updatedAt.toISOString(),
    expected_datetime: c.replyDueAt?.toISOString() ?? null,
    address: place.district,
    address_id: null,
    zipcode: null,
    lat: place.lat,
    long: place.long,
    media_url: null,
  };
}
