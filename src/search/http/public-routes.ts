import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import type { SearchIndex } from "../search-index";
import { presentHit } from "../presenters";
import { searchQuery, searchResponse } from "./schemas";

/** GET /api/v1/search — ranked items for a question or keywords, one row per item name. */
export function registerSearchRoutes(router: Router, search: SearchIndex): void {
  defineRoute(router, {
    method: "get",
    path: "/api/v1/search",
    summary: "Search the service catalog (colloquial Chinese or Tibetan)",
    tags: ["search"],
    query: searchQuery,
    response: searchResponse,
    handler: ({ query: q }) => ({
      results: search.search(q.q, { limit: q.limit, department: q.department, type: q.type, region: q.region }).hits.map(presentHit),
    }),
  });
}
