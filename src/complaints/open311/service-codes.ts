import { lookupTable } from "../../platform/lookup-table";
import { CATEGORIES, COMPLAINT_KINDS } from "../types";
import type { Complaint } from "../workflow/db";

/** Open311 service codes: stable ASCII codes for the seven categories. */
export const SERVICE_CODES = lookupTable(CATEGORIES.map((c, i) => [`QH-${String(i + 1).padStart(3, "0")}`, c] as const));
export const serviceCodeOf = (category: string | null) => Object.entries(SERVICE_CODES).find(([, c]) => c === category)?.[0] ?? null;

/**
 * When the service list or a service definition last changed (discovery's `changeset`, which
 * tells clients to refresh what they cached): bump it with the codes or the attributes.
 */
export const SERVICES_CHANGESET = "2026-12-07T00:00:00Z";

/** The one attribute every service definition has: the 12345 kind (投诉/求助/建议/咨询), `attribute[kind]` on POST. */
export const KIND_ATTRIBUTE = { code: "kind", values: COMPLAINT_KINDS } as const;

const CLOSED: readonly string[] = ["replied", "visited", "rated", "closed", "merged"];
/** The workflow statuses GeoReport's "closed" stands for (the rest are "open"). */
export const CLOSED_STATUSES = CLOSED;

/** GeoReport v2 knows two statuses: open, and closed once the ticket is answered or merged. */
export const open311StatusOf = (c: Pick<Complaint, "status">): "open" | "closed" => (CLOSED.includes(c.status) ? "closed" : "open");
