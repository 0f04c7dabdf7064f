import type Router from "@koa/router";
import { z } from "zod";
import type { AppContext } from "../platform/context";
import { defineRoute } from "../http/openapi";
import { getUser, presentUser, setRealName, userProfileSchema } from "../users";
import { bindPhoneWithCode } from "./login";
import { currentUserId, requireSession } from "./session-middleware";
import { authenticatedWrite } from "./guards";

export function accountRoutes(router: Router, app: AppContext): void {
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
    body: z.object({ code: z.string().min(1).max(256) }),
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
    body: z.object({ name: z.string().min(2).max(30), idNumber: z.string().min(15).max(18) }),
    response: userProfileSchema,
    handler: async ({ body }, c) => presentUser(app, await setRealName(app, currentUserId(c), body)),
  });
}
