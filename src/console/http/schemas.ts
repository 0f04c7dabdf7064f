import { z } from "zod";
import { QUEUES } from "../complaints/queues";
import { consoleErrors } from "../errors";
import { parseGuideForm, type ParsedGuideForm } from "../guide-form/parse-guide-form";
import { T } from "../texts";

/** Query and form fields of the console pages (forms send strings). */
export const codeParam = z.object({ code: z.string().trim().min(1).max(100) });
export const guideListQuery = z.object({
  q: z.string().max(100).default(""),
  status: z.enum(["", "draft", "in_review", "published", "rejected"]).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export const revisionForm = z.object({ revision: z.coerce.number().int().min(0) });
export const rejectForm = revisionForm.extend({ comment: z.string().trim().min(1).max(1000) });
export const retireForm = z.object({ reason: z.string().trim().min(1).max(200) });
export const versionParams = codeParam.extend({ v: z.coerce.number().int().min(1) });
/** An empty form field is an absent one. */
const blank = (v: unknown) => (v === "" ? undefined : v);
export const newItemQuery = z.object({ name: z.string().max(100).default(""), from: z.uuid().optional() });
/** The guide edit form's revision: the draft's the editor saw, empty when no draft was open. */
export const guideEditForm = z.object({ revision: z.preprocess(blank, z.coerce.number().int().min(0).optional()) });

/** A catalog item code as a guide file's name may hold it. */
const GUIDE_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const newItemFields = z.object({ code: z.string().trim().default(""), from: z.preprocess(blank, z.uuid().optional()) });

/**
 * The new-item form: its code and the knowledge gap it came from (a malformed `from` is a 400),
 * and the guide validated as the importer validates a guide file; a bad code is shown beside
 * its field like the guide's own errors.
 */
export function readNewItemForm(form: Record<string, string>): { code: string; from?: string; parsed: ParsedGuideForm } {
  const { code, from } = parse(newItemFields, form);
  const parsed = parseGuideForm(form, code, {});
  if (GUIDE_CODE.test(code)) return { code, from, parsed };
  return { code, from, parsed: { input: parsed.input, errors: { ...parsed.errors, code: T("guide.code_invalid") } } };
}

/** Several words typed in one field: separated by commas (either width), 、 or spaces. */
const words = z.string().trim().min(1).max(200).transform((s) => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean));
export const gapParam = z.object({ id: z.uuid() });
export const synonymForm = z.object({ terms: words, canonical: words });

export const complaintQueueQuery = z.object({ queue: z.enum(QUEUES).optional() });
export const complaintRefParam = z.object({ ref: z.string().trim().min(1).max(40) });
/** A move by its admin-API path: "sign", or two parts such as "extension/decision". */
export const complaintActionParams = complaintRefParam
  .extend({ action: z.string().min(1).max(40), sub: z.string().min(1).max(40).optional() })
  .transform((p) => ({ ref: p.ref, action: p.sub ? `${p.action}/${p.sub}` : p.action }));
/** Form strings → the body the admin API takes for that move (yes/no selects as booleans, a day count as a number). */
export const complaintActionForm = z.record(z.string(), z.string()).transform((form) => {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === "_csrf" || v.trim() === "") continue;
    if (["approve", "passed", "upheld"].includes(k)) body[k] = v === "true";
    else if (k === "workdays") body[k] = /^\d+$/.test(v.trim()) ? Number(v) : v;
    else body[k] = v;
  }
  return body;
});

export const applicationQuery = z.object({ number: z.string().trim().max(40).default(""), supervision: z.enum(["", "warning", "overdue"]).default("") });
export const applicationNumberParam = z.object({ number: z.string().trim().min(1).max(40) });
export const applicationStepForm = z.object({ status: z.string().min(1).max(40), note: z.string().trim().max(500).optional() });
export const auditQuery = z.object({
  entity: z.string().trim().max(120).default(""),
  actor: z.string().trim().max(60).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * Parses with a zod schema; a failure is the console's form_invalid (400, shown as an error
 * page) naming the fields, with zod's findings in the details.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join(".") || "form", message: i.message }));
  throw consoleErrors("form_invalid", { fields: [...new Set(issues.map((i) => i.path))].join(", ") }, { issues });
}
