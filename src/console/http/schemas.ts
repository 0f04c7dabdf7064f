import { z } from "zod";
import { AppError } from "../../platform/errors";

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
export const newItemQuery = z.object({ name: z.string().max(100).default(""), from: z.uuid().optional() });
export const synonymForm = z.object({
  terms: z.string().trim().min(1).max(200),
  canonical: z.string().trim().min(1).max(200),
});
export const complaintQueueQuery = z.object({ queue: z.enum(["dispatch", "sign", "handling", "overdue", "all"]).optional() });
export const complaintRefParam = z.object({ ref: z.string().trim().min(1).max(40) });
export const applicationQuery = z.object({ number: z.string().trim().max(40).default(""), supervision: z.enum(["", "warning", "overdue"]).default("") });
export const auditQuery = z.object({
  entity: z.string().trim().max(120).default(""),
  actor: z.string().trim().max(60).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** Parses with a zod schema, turning a failure into the service's 400 (shown as an error page). */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError("validation_failed", r.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; "));
}
