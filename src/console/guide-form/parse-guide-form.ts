import { guideSchema, type Guide } from "../../catalog";
import { LISTS } from "./guide-fields";
import { T } from "../texts";

/** What the form held, shaped like a guide (values may still be wrong), plus errors by form field. */
export interface ParsedGuideForm {
  input: Record<string, unknown>;
  guide?: Guide;
  /** Form field name ("materials.2.name") → message. */
  errors: Record<string, string>;
}

const lines = (s: string | undefined) => (s ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** A number as typed: a number when it is one, the text otherwise (so the schema names the field). */
function num(s: string | undefined): number | string | undefined {
  const v = s?.trim();
  if (!v) return undefined;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** 元 as typed → integer 分 (money is kept in fen), exactly: "12.5" → 1250; anything else stays text. */
export function yuanToFen(s: string | undefined): number | string | undefined {
  const v = s?.trim();
  if (!v) return undefined;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : v;
}

const bool = (s: string | undefined) => (s === "true" ? true : s === "false" ? false : undefined);

function compact(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? out : undefined;
}

/** The rows of one list, in form order, blank rows dropped (the form always offers one more). */
function rows(form: Record<string, string>, list: string): Record<string, unknown>[] {
  const idx = new Set<number>();
  const prefix = `${list}.`;
  for (const k of Object.keys(form)) {
    if (!k.startsWith(prefix)) continue;
    const m = /^(\d+)\./.exec(k.slice(prefix.length));
    if (m) idx.add(Number(m[1]));
  }
  const out: Record<string, unknown>[] = [];
  for (const i of [...idx].sort((a, b) => a - b)) {
    const row: Record<string, unknown> = {};
    let filled = false;
    for (const f of LISTS[list]!) {
      const raw = form[`${list}.${i}.${f.form ?? f.key}`];
      if (raw?.trim() && !(f.key === "required")) filled = true;
      row[f.key] = f.form === "amountYuan" ? yuanToFen(raw) : f.kind === "number" ? num(raw) : f.key === "required" ? bool(raw) : opt(raw);
    }
    if (filled) out.push(compact(row) ?? {});
  }
  return out;
}

/**
 * The edit form (flat fields named by path) → a guide, validated by the importer's own schema
 * (guideSchema), so the console accepts exactly what a guide file may hold. Translations are
 * not on the form: they are carried over from the draft being edited.
 */
export function parseGuideForm(form: Record<string, string>, code: string, keep: Pick<Guide, "translations">): ParsedGuideForm {
  const statutory = compact({ value: num(form["timeLimit.statutory.value"]), unit: opt(form["timeLimit.statutory.unit"]) });
  const promised = compact({ value: num(form["timeLimit.promised.value"]), unit: opt(form["timeLimit.promised.unit"]) });
  const online = opt(form["online.available"]);
  const input: Record<string, unknown> = {
    code,
    name: opt(form.name),
    aliases: lines(form.aliases),
    type: opt(form.type),
    audience: lines(form.audience),
    region: opt(form.region),
    authority: compact({ name: opt(form["authority.name"]), code: opt(form["authority.code"]), phone: opt(form["authority.phone"]) }) ?? {},
    basis: rows(form, "basis"),
    conditions: lines(form.conditions),
    materials: rows(form, "materials"),
    procedure: rows(form, "procedure"),
    timeLimit: compact({ statutory: statutory ?? {}, promised: promised ?? {}, note: opt(form["timeLimit.note"]) }),
    fees: { charged: bool(form["fees.charged"]) ?? false, items: rows(form, "fees.items") },
    locations: rows(form, "locations"),
    contact: compact({ consult: opt(form["contact.consult"]), complaint: opt(form["contact.complaint"]) }),
    online: online
      ? compact({ available: bool(online), url: opt(form["online.url"]), visits: num(form["online.visits"]), depth: opt(form["online.depth"]) })
      : undefined,
    faq: rows(form, "faq"),
    effectiveFrom: opt(form.effectiveFrom),
    effectiveTo: opt(form.effectiveTo),
    ...(keep.translations ? { translations: keep.translations } : {}),
  };
  for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
  const r = guideSchema.safeParse(input);
  if (r.success) return { input, guide: r.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const field = fieldOf(issue.path.map(String));
    errors[field] ??= messageOf(issue);
  }
  return { input, errors };
}

/**
 * The schema's finding in the staff's words: its kind (required, choose, format) or, for the
 * importer's cross-field rules, the rule; the schema's own text stays in the title for detail.
 */
function messageOf(issue: { code: string; path: PropertyKey[]; message: string; input?: unknown; origin?: string }): string {
  const p = issue.path.map(String).join(".");
  if (issue.code === "custom") {
    const rule = p === "timeLimit.promised" ? "promised_exceeds" : p === "fees.items" ? "fee_items_required" : /^fees\.items\.\d+$/.test(p) ? "fee_amount_required" : null;
    return rule ? T(`validation.${rule}`) : issue.message;
  }
  if (issue.code === "invalid_type") return T(issue.input === undefined ? "validation.required" : "validation.format");
  if (issue.code === "too_small") return T(issue.origin === "array" ? "validation.at_least_one" : "validation.required");
  if (issue.code === "invalid_value" || issue.code === "invalid_union") return T("validation.choose");
  return T("validation.format");
}

/** The form field an error path belongs to ("fees.items.0.amountFen" is typed as amountYuan). */
function fieldOf(path: string[]): string {
  const p = path.join(".");
  if (p.startsWith("fees.items.") && (p.endsWith(".amountFen") || /^fees\.items\.\d+$/.test(p))) return p.replace(/\.amountFen$/, "") + ".amountYuan";
  if (/^timeLimit\.(statutory|promised)$/.test(p)) return `${p}.value`;
  return p || "name";
}
