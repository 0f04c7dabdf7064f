import type Router from "@koa/router";
import { z } from "zod";
import { yearArrangementSchema } from "../../calendar";
import { defineRoute } from "../../http/openapi";
import type { ApplicationsDeps } from "../deps";
import { addHolidayYear, listHolidayYears } from "../holiday-years";
import { SUPERVISION_KINDS } from "../supervise";
import { countSupervisionAlerts, listSupervisionAlerts } from "../supervision-queries";
import { requireStaff, staffActor } from "../../http/staff-auth";

const tags = ["applications (staff)"];
const holidayYearView = z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()), source: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
const presentYear = (y: { year: number; holidays: string[]; workdays: string[]; source: string | null; createdBy: string; createdAt: Date }) => ({ ...y, createdAt: y.createdAt.toISOString() });

/** Staff views of electronic supervision, and the holiday arrangements the deadlines use. */
export function supervisionRoutes(router: Router, deps: ApplicationsDeps): void {
  const before = [requireStaff(deps.app)];

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/supervision/alerts",
    summary: "电子监察 alerts (预警 warning / 超期 overdue), newest first",
    tags, security: ["admin"], before,
    query: z.object({ department: z.string().optional(), kind: z.enum(SUPERVISION_KINDS).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: async ({ query }) => ({
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
    handler: async () => ({ departments: await countSupervisionAlerts(deps) }),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/holiday-years",
    summary: "Confirm a year's official holiday arrangement (holidays and make-up workdays)",
    tags, security: ["admin"], before, status: 201,
    body: yearArrangementSchema,
    response: holidayYearView,
    handler: async ({ body }, c) => presentYear(await addHolidayYear(deps, { arrangement: body, createdBy: staffActor(c) })),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/holiday-years",
    summary: "Holiday arrangements entered by staff (years beyond the built-in data)",
    tags, security: ["admin"], before,
    handler: async () => ({ items: (await listHolidayYears(deps)).map(presentYear) }),
  });
}
