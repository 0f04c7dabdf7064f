import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../complaint-status";
import { anonymiseText } from "../place";
import { CATEGORIES } from "../types";
import type { Complaint } from "../workflow/db";

/** Open311 service codes: stable ASCII codes for the seven categories. */
export const SERVICE_CODES: Record<string, string> = Object.fromEntries(CATEGORIES.map((c, i) => [`QH-${String(i + 1).padStart(3, "0")}`, c]));
export const serviceCodeOf = (category: string | null) => Object.entries(SERVICE_CODES).find(([, c]) => c === category)?.[0] ?? null;

const CLOSED: readonly string[] = ["replied", "visited", "rated", "closed", "merged"];
const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * A service request as GeoReport v2 shows it. The feed is public, so the description is
 * anonymised, the address is district-level and the coordinates are rounded to ~1 km.
 */
export function presentOpen311Request(c: Complaint) {
  const closed = CLOSED.includes(c.status);
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
    address: c.district,
    address_id: null,
    zipcode: null,
    lat: round(c.lat),
    long: round(c.lng),
    media_url: null,
  };
}
