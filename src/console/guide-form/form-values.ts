import type { Guide } from "../../catalog";
import { LISTS } from "./guide-fields";

/** Fen → the yuan an editor types ("1250" → "12.5"); text that is not a number is shown as typed. */
export function fenToYuan(v: unknown): string {
  if (typeof v !== "number") return v === undefined ? "" : String(v);
  return (v / 100).toFixed(2).replace(/\.?0+$/, "");
}

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const at = (o: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Record<string, unknown>)[k] : undefined), o);

/** A guide (or what a rejected form held, shaped like one) as the flat field values of the edit form. */
export function formValues(g: Record<string, unknown>): Record<string, string> {
  const v: Record<string, string> = {};
  for (const k of ["name", "type", "region", "effectiveFrom", "effectiveTo", "authority.name", "authority.code", "authority.phone", "timeLimit.statutory.value", "timeLimit.statutory.unit", "timeLimit.promised.value", "timeLimit.promised.unit", "timeLimit.note", "contact.consult", "contact.complaint", "online.url", "online.visits", "online.depth"]) {
    v[k] = str(at(g, k));
  }
  v.aliases = ((g.aliases as unknown[]) ?? []).join("\n");
  v.conditions = ((g.conditions as unknown[]) ?? []).join("\n");
  v.audience = ((g.audience as unknown[]) ?? []).join("\n");
  v["fees.charged"] = str(at(g, "fees.charged") ?? false);
  v["online.available"] = str(at(g, "online.available"));
  for (const [list, fields] of Object.entries(LISTS)) {
    const rows = (at(g, list) as Record<string, unknown>[] | undefined) ?? [];
    rows.forEach((row, i) => {
      for (const f of fields) v[`${list}.${i}.${f.form ?? f.key}`] = f.form === "amountYuan" ? fenToYuan(row[f.key]) : str(row[f.key] ?? (f.key === "required" ? true : undefined));
    });
    v[`${list}.count`] = String(rows.length);
  }
  return v;
}

/** The edit form's values for a guide, or for an item with no guide yet (none drafted, none published). */
export const guideFormValues = (guide: Guide | undefined, code: string): Record<string, string> =>
  formValues((guide ?? { code, procedure: [], basis: [] }) as Record<string, unknown>);
