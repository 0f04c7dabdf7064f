import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import { listAudit } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { adminGuard } from "../admin-guard";
import { presentAuditPage } from "../presenters";
import { auditQuery } from "./schemas";

/** The audit log of every staff change (catalog, synonyms, complaint routing, holiday years, accounts). */
export function auditRoutes(router: Router, app: AppContext): void {
  defineRoute(router, {
    method: "get", path: "/api/v1/admin/audit", tags: ["audit"], security: ["admin"], before: [adminGuard()],
    summary: "Audit log, newest first (?entity=item | item:<code> | synonym | complaint_route | complaint_route:<category> | holiday_year | holiday_year:<year>)",
    query: auditQuery,
    handler: async ({ query }) => presentAuditPage(await listAudit({ prisma: app.db.prisma, ...query }), query),
  });
}
