/**
 * A constant table looked up by keys that come from requests (codes, categories). It has no
 * prototype, so "__proto__", "constructor" or "toString" find nothing instead of
 * Object.prototype's members; frozen, so nobody writes to it by accident.
 */
export function lookupTable<V>(entries: Iterable<readonly [string, V]>): Readonly<Record<string, V | undefined>> {
  const table: Record<string, V> = Object.create(null);
  for (const [key, value] of entries) table[key] = value;
  return Object.freeze(table);
}
