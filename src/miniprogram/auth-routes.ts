import type Router from "@koa/router";
import { z } from "zod";
import type { AppContext } from "../platform/context";
import { defineRoute } from "../http/openapi";
import { perIp, rateLimit } from "../http/rate-limit";
import { presentUser, userProfileSchema } from "../users";
import { loginWithCode } from "./login";
import { requireSession, sessionOf } from "./session-middleware";
import { revokeSession } from "./sessions";
import { LIMITS } from "./limits";
import { authenticatedWrite } from "./guards";

const loginResponse = z.object({ token: z.string(), expiresAt: z.string(), expiresIn: z.number(), user: userProfileSchema });

export function authRoutes(router: Router, app: AppContext): void {
  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/login",
    summary: "Exchange a wx.login code for a session token",
    tags: ["mini-program"],
    before: [rateLimit({ store: app.store, key: perIp("mp:login"), ...LIMITS.loginPerIp })],
    body: z.object({ code: z.string().min(1).max(128) }),
    response: loginResponse,
    handler: async ({ body }) => {
      const { token, expiresAt, user } = await loginWithCode(app, body.code);
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        expiresIn: app.config.SESSION_TTL_SECONDS,
        user: presentUser(app, user),
      };
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/logout",
    summary: "Revoke the current session",
    tags: ["mini-program"],
    security: ["session"],
    before: authenticatedWrite(app),
    response: z.object({ ok: z.literal(true) }),
    handler: async (_input, c) => {
      await revokeSession(app, sessionOf(c)!.id);
      return { ok: true as const };
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/session",
    summary: "The current session's expiry (slides it forward)",
    tags: ["mini-program"],
    security: ["session"],
    before: [requireSession(app)],
    response: z.object({ userId: z.string(), expiresAt: z.string() }),
    handler: (_input, c) => {
      const s = sessionOf(c)!;
      return { userId: s.userId, expiresAt: new Date(s.expiresAt).toISOString() };
    },
  });
}
