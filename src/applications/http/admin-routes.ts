import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { applicationViewSchema, presentApplication } from "../application-presenter";
import { CHANNELS, createApplication } from "../create-application";
import type { ApplicationsDeps } from "../deps";
import { listApplications } from "../list-applications";
import { getApplication, loadApplicationState } from "../load-application";
import { recordApplicationEvent } from "../record-event";
import { statusInputSchema } from "../status-input";
import { requireStaff, staffActor } from "../../http/staff-auth";

const tags = ["applications (staff)"];
const numberParams = z.object({ number: z.string().min(1).max(40) });
const applicant = z.object({ name: z.string().trim().min(1).max(50), idNumber: z.string().trim().max(30).optional(), phone: z.string().trim().max(20).optional() });

/** Staff API: register, move, list and inspect applications. */
export function adminApplicationRoutes(router: Router, deps: ApplicationsDeps): void {
  const before = [requireStaff(deps.app)];
  const present = (s: Awaited<ReturnType<typeof getApplication>>, timeline = false) => presentApplication(deps.app, s, { audience: "staff", timeline });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/applications",
    summary: "Register an application (已接件); deadline comes from the item's promised limit",
    tags, security: ["admin"], before, status: 201,
    body: z.object({
      itemCode: z.string().min(1).max(100),
      applicant,
      channel: z.enum(CHANNELS).default("counter"),
      submittedAt: z.coerce.date().optional(),
      externalRef: z.string().min(1).max(100).optional(),
      userId: z.string().uuid().optional(),
      oaOpenid: z.string().max(64).optional(),
      mpOpenid: z.string().max(64).optional(),
      note: z.string().max(500).optional(),
    }),
    response: applicationViewSchema,
    handler: async ({ body }, c) => {
      const { application } = await createApplication(deps, { ...body, source: "staff", sourceId: "admin", actor: staffActor(c) });
      return present(await loadApplicationState(deps, application), true);
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/applications/:number/transitions",
    summary: "Change an application's status through the state machine",
    tags, security: ["admin"], before, params: numberParams,
    body: z.object({ status: statusInputSchema, at: z.coerce.date().optional(), note: z.string().max(500).optional(), details: z.record(z.string(), z.unknown()).optional() }),
    response: applicationViewSchema.extend({ applied: z.boolean() }),
    handler: async ({ params, body }, c) => {
      const r = await recordApplicationEvent(deps, { number: params.number, ...body, actor: staffActor(c), source: "staff", sourceId: "admin" });
      return { ...present(await loadApplicationState(deps, r.application), true), applied: r.applied };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/applications",
    summary: "List applications (filter by department, status, item, supervision flag)",
    tags, security: ["admin"], before,
    query: z.object({
      department: z.string().optional(),
      status: z.string().optional(),
      itemCode: z.string().optional(),
      supervision: z.enum(["warning", "overdue"]).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      after: z.string().uuid().optional(),
    }),
    response: z.object({ items: z.array(applicationViewSchema), next: z.string().nullable() }),
    handler: async ({ query }) => {
      const page = await listApplications(deps, query);
      return { items: page.items.map((s) => present(s)), next: page.next };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/applications/:number",
    summary: "One application with its timeline",
    tags, security: ["admin"], before, params: numberParams,
    response: applicationViewSchema,
    handler: async ({ params }) => present(await getApplication(deps, { number: params.number }), true),
  });
}
