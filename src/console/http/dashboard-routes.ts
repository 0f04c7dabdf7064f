import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import type { ComplaintDesk } from "../../complaints";
import type { AppContext } from "../../platform/context";
import { adminGuard, staffDepartmentScope } from "../../staff";
import { computeDashboard } from "../compute-dashboard";
import { presentDashboard } from "../presenters";
import { dashboardPage } from "../views/dashboard";
import { page, send, viewerOf } from "./page";

/** The dashboard page (/admin) and the JSON it draws from, for the page's charts and for anyone's checks. */
export function dashboardRoutes(router: Router, app: AppContext, desk: ComplaintDesk): void {
  defineRoute(router, {
    method: "get", path: "/api/v1/admin/dashboard", tags: ["console"], security: ["staff"], before: [adminGuard()],
    summary: "Dashboard figures: complaints by category and department, on-time rate, 好差评, application 预警/超期 per department, unanswered questions",
    handler: async (_input, c) => presentDashboard(await computeDashboard({ app, desk, department: staffDepartmentScope(c) })),
  });
  router.get("/admin", page(undefined, async (c) => {
    const d = presentDashboard(await computeDashboard({ app, desk, department: staffDepartmentScope(c) }));
    send(c, dashboardPage({ viewer: viewerOf(c), d }));
  }));
}
