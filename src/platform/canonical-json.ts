/**
 * JSON with object keys sorted and undefined dropped, so that the same value always gives the
 * same text whatever its key order (content hashes, stored diffs).
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

/** Plain JSON copy (drops undefined, keys sorted) for storing in a Json column. */
export function toJson<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}
