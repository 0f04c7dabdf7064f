import { z } from "zod";
import { itemTypes, audiences, guideSchema } from "../guide-schema";
import { supportedLangs } from "../translate";

export const langQuery = z.enum(supportedLangs as [string, ...string[]]).optional();

export const listItemsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  department: z.string().trim().max(100).optional(),
  type: z.string().trim().max(20).optional().describe(`事项类型, e.g. ${itemTypes.join(", ")}`),
  audience: z.enum(audiences).optional(),
  region: z.string().regex(/^\d{6}(\d{6})?$/).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** GET /guides (the H5 index): the same limits as the item listing; an empty field is no filter. */
export const guideIndexQuery = z.object({
  q: z.string().trim().max(100).optional().transform((v) => v || undefined),
  department: z.string().trim().max(100).optional().transform((v) => v || undefined),
  /** Any other value falls back to Chinese, as on the guide pages. */
  lang: z.string().max(10).optional(),
});

/** GET /guides/:code (documented only: any other lang falls back to Chinese). */
export const guidePageQuery = z.object({ lang: z.enum(["zh", "bo"]).optional() });

export const codeParams = z.object({ code: z.string().min(1).max(100) });
export const itemQuery = z.object({ lang: langQuery });

const departmentRef = z.object({ name: z.string(), region: z.string() }).nullable();

export const itemSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  type: z.string().nullable(),
  audience: z.array(z.string()),
  region: z.string().nullable(),
  department: departmentRef,
  hasGuide: z.boolean(),
  version: z.number().nullable(),
  updatedAt: z.string(),
  pageUrl: z.string(),
});

export const itemListSchema = z.object({ items: z.array(itemSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() });

/** A published guide (all interchange-format fields, translated per `lang`) or a catalog-only item. */
export const itemDetailSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    lang: z.string(),
    department: departmentRef,
    hasGuide: z.boolean(),
    version: z.number().nullable(),
    updatedAt: z.string(),
    pageUrl: z.string(),
    link: z.string().nullable().optional(),
    translated: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());

export const departmentListSchema = z.object({
  departments: z.array(
    z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), region: z.string(), itemCount: z.number(), guideCount: z.number() }),
  ),
});

/** Staff send guides in the interchange format; validated with the same schema as imports. */
export const guideBody = z.custom<unknown>().pipe(guideSchema);

// Staff editing (admin-routes.ts, admin-list-routes.ts).
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

// Responses of the staff editing routes (presenters.ts builds them).
export const publicationSchema = z.object({ code: z.string(), version: z.number(), changes: z.number() });
export const versionListSchema = z.object({
  versions: z.array(z.object({ version: z.number(), name: z.string(), publishedBy: z.string(), publishedAt: z.string(), changes: z.number() })),
});
export const versionDiffSchema = z.object({
  version: z.number(), previous: z.number().nullable(), publishedBy: z.string(), publishedAt: z.string(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
});
export const removedSchema = z.object({ removed: z.string() });
