import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { createApiKey } from "../open311/api-keys";
import { replayOutbox } from "../outbox/replay-outbox";
import { actorOf, requireStaff } from "./admin-auth";

const presentOutbox = (r: { id: string; complaintId: string; eventType: string; idempotencyKey: string; status: string; attempts: number; lastError: string | null; sentAt: Date | null; createdAt: Date }) => ({
  id: r.id,
  complaintId: r.complaintId,
  eventType: r.eventType,
  idempotencyKey: r.idempotencyKey,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  sentAt: r.sentAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Forwarding to the 12345 platform (dead letters, replay) and Open311 client keys. */
export function adminOpsRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const staff = requireStaff(app);

  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/outbox",
    summary: "Events to the 12345 platform; status=dead is the dead-letter list",
    tags: ["complaints (staff)"],
    security: ["admin"],
    before: [staff],
    query: z.object({ status: z.enum(["pending", "sent", "dead"]).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    handler: async ({ query }) => {
      const rows = await deps().app.db.prisma.complaintOutbox.findMany({
        where: query.status ? { status: query.status } : {},
        orderBy: { createdAt: "asc" },
        take: query.limit,
      });
      return { items: rows.map(presentOutbox) };
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/outbox/:id/replay",
    summary: "Replay a dead letter",
    tags: ["complaints (staff)"],
    security: ["admin"],
    before: [staff],
    params: z.object({ id: z.uuid() }),
    handler: async ({ params }, c) => presentOutbox(await replayOutbox(deps(), { id: params.id, actor: actorOf(c) })),
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
    handler: async ({ body }, c) => createApiKey(deps(), { name: body.name, actor: actorOf(c) }),
  });
}
