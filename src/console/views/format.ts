import { formatShanghai } from "../../platform/shanghai-time";

/** A UTC instant as Asia/Shanghai wall time ("2026-11-25 20:30"), empty for none. */
export const shanghai = (d: Date | string | null | undefined): string => (d ? formatShanghai(typeof d === "string" ? new Date(d) : d) : "");

/** A field value as staff read it in a diff: text as is, anything else as compact JSON. */
export const showValue = (v: unknown): string => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));
