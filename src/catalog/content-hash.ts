import crypto from "node:crypto";

/**
 * JSON with object keys sorted and undefined dropped, so that the same guide always gives the
 * same text whatever the key order in the source file was.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** sha256 of the canonical JSON: equal hashes mean an import would change nothing. */
export function contentHash(value: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** Plain JSON copy (drops undefined) for storing in a Json column. */
export function toJson<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}
