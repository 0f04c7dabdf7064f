import { lookupTable } from "../../platform/lookup-table";
import { CATEGORIES } from "../types";
import type { Complaint } from "../workflow/db";

/** Open311 service codes: stable ASCII codes for the seven categories. */
export const SERVICE_CODES = lookupTable(CATEGORIES.map((c, i) => [`QH-${String(i + 1).padStart(3, "0")}`, c] as const));
export const serviceCodeOf = (category: string | null) => Object.entries(SERVICE_CODES).find(([, c]) => c === category)?.[0] ?? null;

const CLOSED: readonly string[] = ["replied", "visited", "rated", "closed", "merged"];

/** GeoReport v2 knows two statuses: open, and closed once the ticket is answered or merged. */
export const open311StatusOf = (c: Pick<Complaint, "status">): "open" | "closed" => (CLOSED.includes(c.status) ? "closed" : "open");
