import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { adminGuard, staffActor } from "../../staff";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { createApiKey } from "../open311/create-api-key";
import { listOutbox } from "../outbox/list-outbox";
import { replayOutbox } from "../outbox/replay-outbox";
import { presentApiKey, presentOutbox } from "../presenters";
import { outboxQuery } from "./schemas";

/** Forwarding to the 12345 platform (dead letters, replay) and Open311 client keys. */
export function adminOpsRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const staff = adminGuard();

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/outbox",
    summary: "Events to the 12345 platform; status=dead is the dead-letter list",
    tags: ["complaints (staff)"],
    security: ["admin"],
    before: [staff],
    query: outboxQuery,
    handler: async ({ query }) => ({ items: (await listOutbox(deps(), query)).map(presentOutbox) }),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/outbox/:id/replay",
    summary: "Replay a dead letter",
    tags: ["complaints (staff)"],
    security: ["admin"],
    before: [staff],
    params: z.object({ id: z.uuid() }),
    handler: async ({ params }, c) => presentOutbox(await replayOutbox(deps(), { id: params.id, actor: staffActor(c) })),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/open311/keys",
    summary: "Create an Open311 API key (shown once)",
    tags: ["open311"],
    security: ["admin"],
    before: [staff],
    body: z.object({ name: z.string().trim().min(1).max(100) }),
    status: 201,
    handler: async ({ body }, c) => presentApiKey(await createApiKey(deps(), { name: body.name, actor: staffActor(c) })),
  });
}
