import { create, type Delta } from "jsondiffpatch";

/**
 * One changed field between two versions: `path` like "materials.1.name" or
 * "timeLimit.promised.value" (list positions are those of the new version; of the old one
 * for a removed element). A reordered element also carries `movedFrom`, its old path.
 */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
  movedFrom?: string;
}

/**
 * List elements are matched by identity, not position: a material, fee or location by its
 * name, a step by its step, a legal basis by its title, a question by its q (strings by value).
 * So inserting one material is one insertion, not every later material "changed".
 */
const identityOf = (item: object): string => {
  const o = item as Record<string, unknown>;
  for (const key of ["name", "step", "title", "q"]) if (typeof o[key] === "string") return `${key}:${o[key]}`;
  return JSON.stringify(item);
};

// No text diffs (no diff-match-patch given): a changed string is shown whole, before and after.
const differ = create({ objectHash: identityOf, arrays: { detectMove: true, includeValueOnMove: false } });

/**
 * Field-level diff of two JSON values (guides) by jsondiffpatch: objects key by key, lists by
 * identity, so staff see "materials.2.note" rather than "materials changed".
 */
export function diffJson(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(differ.diff(before, after), "", changes);
  return changes;
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);

function walk(delta: Delta, path: string, out: FieldChange[]): void {
  if (delta === undefined) return;
  const at = path || "(root)";
  if (Array.isArray(delta)) {
    if (delta.length === 1) out.push({ path: at, after: delta[0] });
    else if (delta.length === 2) out.push({ path: at, before: delta[0], after: delta[1] });
    else if (delta[2] === 0) out.push({ path: at, before: delta[0] });
    return;
  }
  if (delta._t === "a") return walkArray(delta as Record<string, Delta>, path, out);
  for (const key of Object.keys(delta).sort()) walk((delta as Record<string, Delta>)[key], join(path, key), out);
}

/** An array delta: "_i" entries are removals or moves (old index i), "i" insertions or changes (new index i). */
function walkArray(delta: Record<string, Delta>, path: string, out: FieldChange[]): void {
  const entries = Object.keys(delta)
    .filter((k) => k !== "_t")
    .map((k) => ({ key: k, old: k.startsWith("_"), index: Number(k.replace("_", "")) }))
    .sort((a, b) => a.index - b.index || Number(b.old) - Number(a.old));
  for (const e of entries) {
    const d = delta[e.key] as unknown[];
    if (e.old && d[2] === 3) {
      const to = join(path, String(d[1]));
      out.push({ path: to, movedFrom: join(path, String(e.index)) });
      // Changes inside a moved element are keyed by its new index.
      continue;
    }
    walk(delta[e.key], join(path, String(e.index)), out);
  }
}
