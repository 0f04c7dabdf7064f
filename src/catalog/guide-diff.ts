/** One changed field between two versions: `path` like "materials.1.name" or "timeLimit.promised.value". */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Field-level diff of two JSON values (guides). Objects are compared key by key and arrays
 * element by element (a removed or added element shows as a change with `before` or `after`
 * missing), so staff see "materials.2.note" rather than "materials changed".
 */
export function diffJson(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffJson(before[k], after[k], join(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    const out: FieldChange[] = [];
    for (let i = 0; i < n; i++) out.push(...diffJson(before[i], after[i], join(path, String(i))));
    return out;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const change: FieldChange = { path: path || "(root)" };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return [change];
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
