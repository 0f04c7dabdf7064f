import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../http/openapi";
import type { SearchIndex } from "./search-index";

const query = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  department: z.string().trim().min(1).optional(),
  type: z.string().trim().min(1).optional(),
  /** 行政区划代码: preferred instance within an item group (not a filter). */
  region: z.string().regex(/^\d{6}(\d{6})?$/).optional(),
});

const result = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string(),
  score: z.number(),
  hasGuide: z.boolean(),
  region: z.string().optional(),
  /** Other regions/authorities offering the same item. */
  regions: z.array(z.object({ code: z.string(), region: z.string().optional(), department: z.string() })),
});

/** GET /api/v1/search — ranked items for a question or keywords, one row per item name. */
export function registerSearchRoutes(router: Router, search: SearchIndex): void {
  defineRoute(router, {
    method: "get",
    path: "/api/v1/search",
    summary: "Search the service catalog (colloquial Chinese or Tibetan)",
    tags: ["search"],
    query,
    response: z.object({ results: z.array(result) }),
    handler: ({ query: q }) => ({
      results: search.search(q.q, { limit: q.limit, department: q.department, type: q.type, region: q.region }).hits.map((h) => ({
        code: h.code,
        name: h.name,
        department: h.department,
        score: h.score,
        hasGuide: h.hasGuide,
        region: h.region,
        regions: h.instances.slice(1).map((i) => ({ code: i.code, region: i.region, department: i.department })),
      })),
    }),
  });
}
