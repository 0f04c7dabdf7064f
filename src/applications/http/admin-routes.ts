import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { adminGuard, staffActor, staffDepartmentScope } from "../../staff";
import { assertApplicationInDepartment } from "../assert-in-department";
import { calendarWarnings } from "../../calendar";
import { countSupervisionAlerts } from "../count-supervision-alerts";
import { createApplication } from "../create-application";
import type { ApplicationsDeps } from "../deps";
import { getApplication } from "../get-application";
import { listApplications } from "../list-applications";
import { listSupervisionAlerts } from "../list-supervision-alerts";
import { loadApplicationState } from "../load-application";
import { applicationViewSchema, presentApplication, presentSupervisionAlert, type ApplicationState } from "../presenters";
import { recordApplicationEvent } from "../record-application-event";
import { createApplicationBody, listApplicationsQuery, numberParams, supervisionAlertsQuery, transitionBody } from "./schemas";

const tags = ["applications (staff)"];

/**
 * Staff API: register, move, list and inspect applications, and the views of electronic
 * supervision (the holiday arrangements are the calendar's routes). The supervision views carry
 * `calendarWarnings`: a holiday year not entered hides deadlines from supervision.
 */
export function adminRoutes(router: Router, deps: ApplicationsDeps): void {
  const before = [adminGuard()];
  const present = (s: ApplicationState, timeline = false) => presentApplication(deps.app, s, { audience: "staff", timeline });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/applications",
    summary: "Register an application (已接件); deadline comes from the item's promised limit",
    tags, security: ["admin"], before, status: 201,
    body: createApplicationBody,
    response: applicationViewSchema,
    handler: async ({ body }, c) => {
      const { application } = await createApplication(deps, { ...body, source: "staff", sourceId: "admin", actor: staffActor(c), onlyDepartment: staffDepartmentScope(c) });
      return present(await loadApplicationState(deps, application), true);
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/applications/:number/transitions",
    summary: "Change an application's status through the state machine",
    tags, security: ["admin"], before, params: numberParams,
    body: transitionBody,
    response: applicationViewSchema.extend({ applied: z.boolean() }),
    handler: async ({ params, body }, c) => {
      await assertApplicationInDepartment(deps, params.number, staffDepartmentScope(c));
      const r = await recordApplicationEvent(deps, { number: params.number, ...body, actor: staffActor(c), source: "staff", sourceId: "admin" });
      return { ...present(await loadApplicationState(deps, r.application), true), applied: r.applied };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/applications",
    summary: "List applications (filter by department, status, item, supervision flag)",
    tags, security: ["admin"], before,
    query: listApplicationsQuery,
    response: z.object({ items: z.array(applicationViewSchema), next: z.string().nullable() }),
    handler: async ({ query }, c) => {
      const page = await listApplications(deps, { ...query, onlyDepartment: staffDepartmentScope(c) });
      return { items: page.items.map((s) => present(s)), next: page.next };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/applications/:number",
    summary: "One application with its timeline",
    tags, security: ["admin"], before, params: numberParams,
    response: applicationViewSchema,
    handler: async ({ params }, c) => {
      await assertApplicationInDepartment(deps, params.number, staffDepartmentScope(c));
      return present(await getApplication(deps, { number: params.number }), true);
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/supervision/alerts",
    summary: "电子监察 alerts (预警 warning / 超期 overdue), newest first",
    tags, security: ["admin"], before,
    query: supervisionAlertsQuery,
    handler: async ({ query }, c) => ({
      calendarWarnings: await calendarWarnings(deps.app),
      items: (await listSupervisionAlerts(deps, { ...query, onlyDepartment: staffDepartmentScope(c) })).map(presentSupervisionAlert),
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
