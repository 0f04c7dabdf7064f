import type Router from "@koa/router";
import { z } from "zod";
import { defineRoute } from "../../http/openapi";
import { perIp, rateLimit } from "../../http/rate-limit";
import { adminGuard } from "../../staff";
import type { AppContext } from "../../platform/context";
import { listNotifications } from "../list-notifications";
import { notificationViewSchema, presentNotification } from "../presenters";
import { retryNotification } from "../retry-notification";
import { listNotificationsQuery, notificationParams } from "./schemas";

/** Staff API: delivery state of notifications, and a retry for failed ones. */
export function adminRoutes(router: Router, app: AppContext): void {
  defineRoute(router, {
    method: "get",
    path: "/api/v1/admin/notifications",
    summary: "Notifications by status (e.g. failed), newest first",
    tags: ["admin"],
    security: ["admin"],
    before: [adminGuard()],
    query: listNotificationsQuery,
    response: z.object({ items: z.array(notificationViewSchema) }),
    handler: async ({ query }) => ({ items: (await listNotifications(app, query)).map(presentNotification) }),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/admin/notifications/:id/retry",
    summary: "Send a failed notification again",
    tags: ["admin"],
    security: ["admin"],
    before: [rateLimit({ store: app.store, key: perIp("admin:write"), limit: 60, windowSeconds: 60 }), adminGuard()],
    params: notificationParams,
    response: notificationViewSchema,
    handler: async ({ params }) => presentNotification(await retryNotification(app, params.id)),
  });
}
