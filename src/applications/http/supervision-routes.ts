import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import type { ApplicationsDeps } from "../deps";
import { SUPERVISION_KINDS } from "../supervise";
import { countSupervisionAlerts, listSupervisionAlerts } from "../supervision-queries";
import { requireStaff } from "../../http/staff-auth";
import { calendarWarnings } from "../../calendar";

const tags = ["applications (staff)"];

/**
 * Staff views of electronic supervision (the holiday arrangements are the calendar's routes).
 * Both carry `calendarWarnings`: a holiday year not entered hides deadlines from supervision.
 */
export function supervisionRoutes(router: Router, deps: ApplicationsDeps): void {
  const before = [requireStaff(deps.app)];

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/supervision/alerts",
    summary: "电子监察 alerts (预警 warning / 超期 overdue), newest first",
    tags, security: ["admin"], before,
    query: z.object({ department: z.string().optional(), kind: z.enum(SUPERVISION_KINDS).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: async ({ query }) => ({
      calendarWarnings: await calendarWarnings(deps.app),
      items: (await listSupervisionAlerts(deps, query)).map((a) => ({
        kind: a.kind,
        department: a.department,
        number: a.application.number,
        itemName: a.application.itemName,
        status: a.application.status,
        dueAt: a.dueAt.toISOString(),
        flaggedAt: a.createdAt.toISOString(),
      })),
    }),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/supervision/counts",
    summary: "预警 / 超期 counts per handling department",
    tags, security: ["admin"], before,
    handler: async () => ({ departments: await countSupervisionAlerts(deps), calendarWarnings: await calendarWarnings(deps.app) }),
  });
}
