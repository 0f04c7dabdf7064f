import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import { adminGuard, staffActor, staffDepartmentScope } from "../../staff";
import { changeApplicationStatus } from "../change-application-status";
import type { ApplicationsDeps } from "../deps";
import { getApplication } from "../get-application";
import { getSupervisionAlerts } from "../get-supervision-alerts";
import { getSupervisionCounts } from "../get-supervision-counts";
import { listApplications } from "../list-applications";
import {
  applicationViewSchema, presentApplication, presentApplicationPage, presentStatusChange, presentSupervisionAlerts, presentSupervisionCounts,
} from "../presenters";
import { registerApplication } from "../register-application";
import {
  applicationPageSchema, createApplicationBody, listApplicationsQuery, numberParams, statusChangeSchema, supervisionAlertsQuery, transitionBody,
} from "./schemas";

const tags = ["applications (staff)"];

/**
 * Staff API: register, move, list and inspect applications, and the views of electronic
 * supervision (the holiday arrangements are the calendar's routes). The supervision views carry
 * `calendarWarnings`: a holiday year not entered hides deadlines from supervision.
 */
export function adminRoutes(router: Router, deps: ApplicationsDeps): void {
  const before = [adminGuard()];

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/applications",
    summary: "Register an application (已接件); deadline comes from the item's promised limit",
    tags, security: ["admin"], before, status: 201,
    body: createApplicationBody,
    response: applicationViewSchema,
    handler: async ({ body }, c) => {
      const state = await registerApplication(deps, { ...body, source: "staff", sourceId: "admin", actor: staffActor(c), onlyDepartment: staffDepartmentScope(c) });
      return presentApplication(deps.app, state, { audience: "staff", timeline: true });
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/applications/:number/transitions",
    summary: "Change an application's status through the state machine",
    tags, security: ["admin"], before, params: numberParams,
    body: transitionBody,
    response: statusChangeSchema,
    handler: async ({ params, body }, c) => {
      const r = await changeApplicationStatus(deps, { number: params.number, ...body, actor: staffActor(c), source: "staff", sourceId: "admin", onlyDepartment: staffDepartmentScope(c) });
      return presentStatusChange(deps.app, r);
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/applications",
    summary: "List applications (filter by department, status, item, supervision flag)",
    tags, security: ["admin"], before,
    query: listApplicationsQuery,
    response: applicationPageSchema,
    handler: async ({ query }, c) => presentApplicationPage(deps.app, await listApplications(deps, { ...query, onlyDepartment: staffDepartmentScope(c) })),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/applications/:number",
    summary: "One application with its timeline",
    tags, security: ["admin"], before, params: numberParams,
    response: applicationViewSchema,
    handler: async ({ params }, c) =>
      presentApplication(deps.app, await getApplication(deps, { number: params.number, onlyDepartment: staffDepartmentScope(c) }), { audience: "staff", timeline: true }),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/supervision/alerts",
    summary: "电子监察 alerts (预警 warning / 超期 overdue), newest first",
    tags, security: ["admin"], before,
    query: supervisionAlertsQuery,
    handler: async ({ query }, c) => presentSupervisionAlerts(await getSupervisionAlerts(deps, { ...query, onlyDepartment: staffDepartmentScope(c) })),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/supervision/counts",
    summary: "预警 / 超期 counts per handling department",
    tags, security: ["admin"], before,
    handler: async () => presentSupervisionCounts(await getSupervisionCounts(deps)),
  });
}
