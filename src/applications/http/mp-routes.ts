import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import { currentUserId, requireSession } from "../../miniprogram";
import { applicationViewSchema, presentApplication, presentMyApplications } from "../presenters";
import type { ApplicationsDeps } from "../deps";
import { getMyApplication } from "../get-my-application";
import { listMyApplications } from "../list-my-applications";
import { myApplicationsSchema, numberParams } from "./schemas";

const tags = ["applications (mini-program)"];

/** The signed-in citizen's applications: bound by user, openid or phone. Others' are 404. */
export function mpRoutes(router: Router, deps: ApplicationsDeps): void {
  const before = [requireSession(deps.app)];
  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/applications",
    summary: "My applications",
    tags, security: ["session"], before,
    response: myApplicationsSchema,
    handler: async (_input, c) => presentMyApplications(deps.app, await listMyApplications(deps, currentUserId(c))),
  });
  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/applications/:number",
    summary: "One of my applications with its timeline",
    tags, security: ["session"], before,
    params: numberParams,
    response: applicationViewSchema,
    handler: async ({ params }, c) => presentApplication(deps.app, await getMyApplication(deps, currentUserId(c), params.number), { audience: "applicant", timeline: true }),
  });
}
