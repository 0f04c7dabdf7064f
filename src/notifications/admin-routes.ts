import type Router from "@koa/router";
import { z } from "zod";
import type { AppContext } from "../platform/context";
import type { NotificationModel } from "../platform/db";
import { AppError } from "../platform/errors";
import { defineRoute } from "../http/openapi";
import { perIp, rateLimit } from "../http/rate-limit";
import { requireAdmin } from "./admin-auth";
import { SEND_NOTIFICATION_JOB } from "./send-job";

const STATUSES = ["pending", "sending", "sent", "skipped_no_consent", "skipped_no_channel", "failed"] as const;

const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  channel: z.string().nullable(),
  userId: z.string().nullable(),
  attempts: z.number(),
  errcode: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});

/** Staff view of a notification: delivery facts only, never the (encrypted) field values or openids. */
function present(n: NotificationModel): z.infer<typeof notificationView> {
  return {
    id: n.id,
    kind: n.kind,
    status: n.status,
    channel: n.channel,
    userId: n.userId,
    attempts: n.attempts,
    errcode: n.errcode,
    error: n.lastError,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  };
}

export function adminRoutes(router: Router, app: AppContext): void {
  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/notifications",
    summary: "Notifications by status (e.g. failed), newest first",
    tags: ["admin"],
    security: ["admin"],
    before: [requireAdmin(app)],
    query: z.object({
      status: z.enum(STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(notificationView) }),
    handler: async ({ query }) => {
      const rows = await app.db.prisma.notification.findMany({
        where: query.status ? { status: query.status } : {},
        orderBy: { createdAt: "desc" },
        take: query.limit,
      });
      return { items: rows.map(present) };
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/notifications/:id/retry",
    summary: "Send a failed notification again",
    tags: ["admin"],
    security: ["admin"],
    before: [rateLimit({ store: app.store, key: perIp("admin:write"), limit: 60, windowSeconds: 60 }), requireAdmin(app)],
    params: z.object({ id: z.string().uuid() }),
    response: notificationView,
    handler: async ({ params }) => {
      const { count } = await app.db.prisma.notification.updateMany({
        where: { id: params.id, status: "failed" },
        data: { status: "pending", attempts: 0, updatedAt: app.now() },
      });
      if (count === 0) throw new AppError("conflict", "Only a failed notification can be retried");
      await app.queue.enqueue(SEND_NOTIFICATION_JOB, { notificationId: params.id }, { jobId: `notification:${params.id}:retry:${Date.now()}` });
      return present(await app.db.prisma.notification.findUniqueOrThrow({ where: { id: params.id } }));
    },
  });
}
