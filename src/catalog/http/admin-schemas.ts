import { z } from "zod";
import { guideSchema } from "../guide-schema";

export const revisionBody = z.object({ revision: z.number().int().positive() });
export const updateDraftBody = z.object({ revision: z.number().int().positive(), guide: guideSchema });
export const createItemBody = z.object({ guide: guideSchema });
export const startDraftBody = z.object({ guide: guideSchema.optional() }).default({});
export const rejectBody = z.object({ revision: z.number().int().positive(), comment: z.string().trim().min(1).max(2000) });
export const versionParams = z.object({ code: z.string().min(1).max(100), v: z.coerce.number().int().positive() });
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditQuery = pageQuery.extend({ entity: z.string().max(150).optional().describe('"item", "item:<code>", "synonym", "complaint_route", "complaint_route:<category>", "holiday_year", "holiday_year:<year>"') });
export const questionsQuery = pageQuery.extend({ outcome: z.enum(["not_found", "low_confidence"]).optional() });
export const synonymBody = z.object({
  terms: z.array(z.string().trim().min(1).max(50)).min(1).max(50),
  canonical: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  kind: z.enum(["object", "action"]).optional(),
});
export const idParams = z.object({ id: z.string().uuid() });

export const draftSchema = z.object({
  code: z.string(),
  status: z.enum(["draft", "in_review", "published", "rejected"]),
  revision: z.number(),
  comment: z.string().nullable(),
  baseVersion: z.number().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  guide: z.record(z.string(), z.unknown()),
});
