import type Router from "@koa/router";
import { z } from "zod";
import type { AppContext } from "../platform/context";
import { defineRoute } from "../http/openapi";
import { availableConsents, recordConsents } from "./consents";
import { currentUserId, requireSession } from "./session-middleware";
import { authenticatedWrite } from "./guards";
import { subscribeTemplates } from "./subscribe-templates";

const subscriptionsResponse = z.object({
  /** Template ids by topic, for wx.requestSubscribeMessage. */
  templates: z.record(z.string(), z.string()),
  /** Sends still allowed per template id. */
  available: z.record(z.string(), z.number()),
});

export function subscriptionRoutes(router: Router, app: AppContext): void {
  const present = async (userId: string) => {
    const templates = subscribeTemplates(app.config);
    const counts = await availableConsents(app, userId);
    return { templates, available: Object.fromEntries(Object.values(templates).map((id) => [id, counts[id] ?? 0])) };
  };

  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/subscriptions",
    summary: "Subscribe-message templates and the sends the user has allowed",
    tags: ["mini-program"],
    security: ["session"],
    before: [requireSession(app)],
    response: subscriptionsResponse,
    handler: async (_input, c) => present(currentUserId(c)),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/subscriptions",
    summary: "Report the result of wx.requestSubscribeMessage (each acceptance allows one send)",
    tags: ["mini-program"],
    security: ["session"],
    before: authenticatedWrite(app),
    body: z.object({
      accepted: z.array(z.string().min(1).max(128)).max(20),
      rejected: z.array(z.string().min(1).max(128)).max(20).optional(),
    }),
    response: subscriptionsResponse.extend({ recorded: z.number() }),
    handler: async ({ body }, c) => {
      const userId = currentUserId(c);
      const known = new Set(Object.values(subscribeTemplates(app.config)));
      // A rejection needs no record: without an acceptance there is nothing to consume.
      const recorded = await recordConsents(app, userId, body.accepted.filter((id) => known.has(id)));
      return { ...(await present(userId)), recorded };
    },
  });
}
