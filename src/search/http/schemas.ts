import { z } from "zod";

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  department: z.string().trim().min(1).optional(),
  type: z.string().trim().min(1).optional(),
  /** 行政区划代码: preferred instance within an item group (not a filter). */
  region: z.string().regex(/^\d{6}(\d{6})?$/).optional(),
});

const searchResult = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string(),
  score: z.number(),
  hasGuide: z.boolean(),
  region: z.string().optional(),
  /** Other regions/authorities offering the same item. */
  regions: z.array(z.object({ code: z.string(), region: z.string().optional(), department: z.string() })),
});

export const searchResponse = z.object({ results: z.array(searchResult) });
