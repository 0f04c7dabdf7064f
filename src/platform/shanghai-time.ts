import { platformErrors } from "./platform-errors";

/**
 * The one place an instant becomes the time a citizen reads. Storage is UTC; text is
 * Asia/Shanghai (docs/style.md rule 10). China has kept one zone, UTC+8, with no daylight
 * saving since 1991, so a fixed offset is exact and no zone database is needed.
 *
 * These take a `Date` — an instant — never a string: a string such as "2026-11-25 10:00" has
 * no zone, and converting one again is how a complaint notice once showed 18:00 for a reply
 * sent at 10:00 (issue 16, defect 12).
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function shifted(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw platformErrors("time_invalid");
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString();
}

/** "2027-01-01 00:30" for 2026-12-31T16:30Z: date and minute in Shanghai, for messages and pages. */
export function formatShanghai(instant: Date): string {
  const s = shifted(instant);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** "2027-01-01" for 2026-12-31T16:30Z: the Shanghai calendar date of an instant. */
export function formatShanghaiDate(instant: Date): string {
  return shifted(instant).slice(0, 10);
}

/**
 * An instant written as ISO 8601 *with* its zone ("…Z", "…+08:00"), as a stored payload keeps
 * a `Date`; undefined for anything else, including zone-less text, which is not an instant.
 */
export function parseInstant(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
