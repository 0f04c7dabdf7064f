import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute, documentRoute, validateInput } from "../../http/openapi";
import { adminGuard, staffActor, staffDepartmentScope } from "../../staff";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { findHotIssues } from "../find-hot-issues";
import { readComplaintImage } from "../images/read-complaint-image";
import { presentComplaintRoute, presentHotIssue, presentStaffComplaint, presentSupervisionRun } from "../presenters";
import { listComplaintRoutes } from "../routing/list-complaint-routes";
import { setComplaintRoute } from "../routing/set-complaint-route";
import { getComplaint } from "../workflow/get-complaint";
import { listComplaints } from "../workflow/list-complaints";
import { superviseComplaints } from "../workflow/supervise-complaints";
import { imageParams, refParams, routeBody, staffListQuery } from "./schemas";

const tags = ["complaints (staff)"];

/** Staff reading tickets, the routing table, 热点 and the supervision scan (moves on a ticket: admin-action-routes.ts). */
export function adminRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const staff = adminGuard();

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints",
    summary: "Tickets; queue=dispatcher for the dispatcher's queue, overdue=true for late ones",
    tags,
    security: ["admin"],
    before: [staff],
    query: staffListQuery,
    handler: async ({ query }, c) => {
      const rows = await listComplaints(deps(), { ...query, overdue: query.overdue === "true", onlyDepartment: staffDepartmentScope(c) });
      return { items: rows.map((r) => presentStaffComplaint(app, r)) };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints/hot",
    summary: "热点: bursts of similar complaints",
    tags,
    security: ["admin"],
    before: [staff],
    handler: async () => ({ items: (await findHotIssues(deps())).map(presentHotIssue) }),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints/routes",
    summary: "Category → department mapping",
    tags,
    security: ["admin"],
    before: [staff],
    handler: async () => ({ items: (await listComplaintRoutes(deps())).map(presentComplaintRoute) }),
  });

  defineRoute(router, {
    method: "put",
    path: "/api/v1/admin/complaints/routes/:category",
    summary: "Set the department a category routes to (audited; applies to complaints filed afterwards)",
    tags,
    security: ["admin"],
    before: [staff],
    params: z.object({ category: z.string().min(1).max(50) }),
    body: routeBody,
    // Answers with the whole table, as GET …/routes does.
    handler: async ({ params, body }, c) => ({ items: (await setComplaintRoute(deps(), { category: params.category, ...body, actor: staffActor(c) })).map(presentComplaintRoute) }),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/complaints/supervision/run",
    summary: "Run the supervision scan now (it also runs on a schedule)",
    tags,
    security: ["admin"],
    before: [staff],
    handler: async () => presentSupervisionRun(await superviseComplaints(deps())),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints/:ref",
    summary: "One ticket with timeline, images and possible duplicates",
    tags,
    security: ["admin"],
    before: [staff],
    params: refParams,
    handler: async ({ params }, c) => presentStaffComplaint(app, await getComplaint(deps(), { ref: params.ref, department: staffDepartmentScope(c) })),
  });

  // Raw image bytes, not JSON: a plain route, documented by hand.
  documentRoute({
    method: "get",
    path: "/api/v1/admin/complaints/:ref/images/:position",
    summary: "A complaint's image (bytes, type by magic bytes)",
    tags: ["complaints admin"],
    security: ["admin"],
    params: imageParams,
    responseTypes: ["image/jpeg", "image/png", "image/webp"],
  });
  router.get("/api/v1/admin/complaints/:ref/images/:position", staff, async (c) => {
    // Validated like every other route: a position that is not 0–8 is a 400, not a database error.
    const img = await readComplaintImage(deps(), { ...validateInput(imageParams, c.params, "params"), department: staffDepartmentScope(c) });
    c.type = img.mime;
    c.set("x-content-type-options", "nosniff");
    c.body = img.bytes;
  });
}
