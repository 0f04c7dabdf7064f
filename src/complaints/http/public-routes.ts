import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { presentPublicComplaint, publicComplaintSchema } from "../presenters";
import { listPublishedComplaints } from "../publication/list-published-complaints";
import { publicLimit } from "./public-limit";

/** Anyone: the answered complaints of public interest, anonymised (the HTML page: page-routes.ts). */
export function publicRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  defineRoute(router, {
    method: "get",
    path: "/api/v1/complaints/public",
    summary: "Answered complaints of public interest, anonymised",
    tags: ["complaints (public)"],
    before: [publicLimit(app)],
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
    response: z.object({ items: z.array(publicComplaintSchema) }),
    handler: async ({ query }) => ({ items: (await listPublishedComplaints(deps(), { limit: query.limit })).map(presentPublicComplaint) }),
  });
}
