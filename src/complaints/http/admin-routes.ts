import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { COMPLAINT_STATUSES } from "../complaint-status";
import type { ComplaintsDeps } from "../deps";
import { findHotIssues } from "../hot-issues";
import { presentStaffComplaint } from "../presenters";
import { listComplaintRoutes } from "../routing/list-routes";
import { setComplaintRoute } from "../routing/set-route";
import { findComplaint } from "../workflow/db";
import { superviseComplaints } from "../workflow/supervise-complaints";
import { actorOf, requireStaff } from "./admin-auth";
import { refParams } from "./schemas";

const tags = ["complaints (staff)"];

const routeBody = z
  .object({ department: z.string().trim().min(2).max(100).optional(), departmentId: z.uuid().optional() })
  .refine((b) => b.department || b.departmentId, "department or departmentId is required");

export function adminRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const staff = requireStaff(app);
  const prisma = () => deps().app.db.prisma;

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints",
    summary: "Tickets; queue=dispatcher for the dispatcher's queue, overdue=true for late ones",
    tags,
    security: ["admin"],
    before: [staff],
    query: z.object({
      status: z.enum(COMPLAINT_STATUSES).optional(),
      queue: z.enum(["dispatcher"]).optional(),
      overdue: z.enum(["true"]).optional(),
      department: z.string().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ query }) => {
      const rows = await prisma().complaint.findMany({
        where: {
          ...(query.status ? { status: query.status } : {}),
          ...(query.queue ? { dispatcherQueue: true, status: { in: ["accepted", "returned"] } } : {}),
          ...(query.overdue ? { supervisionStage: { gte: 2 } } : {}),
          ...(query.department ? { department: query.department } : {}),
        },
        orderBy: { createdAt: "desc" },
        take: query.limit,
      });
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
    handler: async () => ({ items: await findHotIssues(deps()) }),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints/routes",
    summary: "Category → department mapping",
    tags,
    security: ["admin"],
    before: [staff],
    handler: async () => ({ items: await listComplaintRoutes(deps()) }),
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
    handler: async ({ params, body }, c) => {
      await setComplaintRoute(deps(), { category: params.category, ...body, actor: actorOf(c) });
      return { items: await listComplaintRoutes(deps()) };
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/complaints/supervision/run",
    summary: "Run the supervision scan now (it also runs on a schedule)",
    tags,
    security: ["admin"],
    before: [staff],
    handler: async () => superviseComplaints(deps()),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/complaints/:ref",
    summary: "One ticket with timeline, images and possible duplicates",
    tags,
    security: ["admin"],
    before: [staff],
    params: refParams,
    handler: async ({ params }) => {
      const c = await findComplaint(prisma(), params.ref);
      const full = await prisma().complaint.findUniqueOrThrow({ where: { id: c.id }, include: { images: { orderBy: { position: "asc" } }, events: { orderBy: [{ at: "asc" }, { seq: "asc" }] } } });
      return presentStaffComplaint(app, full);
    },
  });

  router.get("/api/v1/admin/complaints/:ref/images/:position", staff, async (c) => {
    const found = await findComplaint(prisma(), c.params.ref!);
    const img = await prisma().complaintImage.findFirst({ where: { complaintId: found.id, position: Number(c.params.position) } });
    const bytes = img ? await deps().images.get(img.storageKey) : undefined;
    if (!img || !bytes) throw new AppError("not_found", "图片不存在");
    c.type = img.mime;
    c.set("x-content-type-options", "nosniff");
    c.body = bytes;
  });
}
