import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import { adminGuard, staffActor, staffDepartmentScope } from "../../staff";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { presentStaffComplaint } from "../presenters";
import { actOnComplaint } from "../workflow/act-on-complaint";
import { DESK_ACTIONS } from "../workflow/desk-actions";
import { refParams } from "./schemas";

/** Every staff move on a ticket (workflow/desk-actions.ts): POST /api/v1/admin/complaints/:ref/<action>. */
export function adminActionRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const staff = adminGuard();
  for (const a of DESK_ACTIONS) {
    defineRoute(router, {
      method: "post",
      path: `/api/v1/admin/complaints/:ref/${a.name}`,
      summary: a.summary,
      tags: ["complaints (staff)"],
      security: ["admin"],
      before: [staff],
      params: refParams,
      body: a.body,
      handler: async ({ params, body }, c) =>
        presentStaffComplaint(app, await actOnComplaint(deps(), { action: a.name, ref: params.ref, body, actor: staffActor(c), department: staffDepartmentScope(c) })),
    });
  }
}
