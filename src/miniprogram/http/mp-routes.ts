import type Router from "@koa/router";
import type { AppContext } from "../../platform/context";
import { defineRoute } from "../../http/openapi";
import { perIp, rateLimit } from "../../http/rate-limit";
import { getUser, presentUser, setRealName, userProfileSchema } from "../../users";
import { bindPhoneWithCode } from "../bind-phone-with-code";
import { LIMITS } from "../limits";
import { listSubscriptions } from "../list-subscriptions";
import { loginWithCode } from "../login-with-code";
import { presentLogin, presentRecordedSubscriptions, presentSession, presentSubscriptions } from "../presenters";
import { recordSubscriptions } from "../record-subscriptions";
import { revokeSession } from "../revoke-session";
import { authenticatedWrite } from "./guards";
import * as s from "./schemas";
import { currentUserId, requireSession, sessionOf } from "./session-middleware";

/** The mini-program's own endpoints: login and session, the account, subscribe-message consents. */
export function mpRoutes(router: Router, app: AppContext): void {
  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/login",
    summary: "Exchange a wx.login code for a session token",
    tags: ["mini-program"],
    before: [rateLimit({ store: app.store, key: perIp("mp:login"), ...LIMITS.loginPerIp })],
    body: s.loginBody,
    response: s.loginResponse,
    handler: async ({ body }) => presentLogin(app, await loginWithCode(app, body.code)),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/logout",
    summary: "Revoke the current session",
    tags: ["mini-program"],
    security: ["session"],
    before: authenticatedWrite(app),
    response: s.logoutResponse,
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
    response: s.sessionResponse,
    handler: (_input, c) => presentSession(sessionOf(c)!),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/me",
    summary: "The signed-in user's profile (personal data masked)",
    tags: ["mini-program"],
    security: ["session"],
    before: [requireSession(app)],
    response: userProfileSchema,
    handler: async (_input, c) => presentUser(app, await getUser(app, currentUserId(c))),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/phone",
    summary: "Bind the phone number from the getPhoneNumber button code",
    tags: ["mini-program"],
    security: ["session"],
    before: authenticatedWrite(app),
    body: s.phoneBody,
    response: userProfileSchema,
    handler: async ({ body }, c) => presentUser(app, await bindPhoneWithCode(app, currentUserId(c), body.code)),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/real-name",
    summary: "Store the citizen's name and ID number (encrypted; shown masked)",
    tags: ["mini-program"],
    security: ["session"],
    before: authenticatedWrite(app),
    body: s.realNameBody,
    response: userProfileSchema,
    handler: async ({ body }, c) => presentUser(app, await setRealName(app, currentUserId(c), body)),
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/mp/subscriptions",
    summary: "Subscribe-message templates and the sends the user has allowed",
    tags: ["mini-program"],
    security: ["session"],
    before: [requireSession(app)],
    response: s.subscriptionsResponse,
    handler: async (_input, c) => presentSubscriptions(await listSubscriptions(app, currentUserId(c))),
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/mp/subscriptions",
    summary: "Report the result of wx.requestSubscribeMessage (each acceptance allows one send)",
    tags: ["mini-program"],
    security: ["session"],
    before: authenticatedWrite(app),
    body: s.subscriptionsBody,
    response: s.recordedSubscriptionsResponse,
    handler: async ({ body }, c) => presentRecordedSubscriptions(await recordSubscriptions(app, { userId: currentUserId(c), accepted: body.accepted })),
  });
}
