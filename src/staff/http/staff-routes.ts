import type Router from "@koa/router";
import { defineRoute } from "../../http/openapi";
import { perIp, rateLimit } from "../../http/rate-limit";
import type { AppContext } from "../../platform/context";
import { authenticateStaff } from "../authenticate";
import { changeOwnPassword } from "../change-own-password";
import { clearStaffCookie, setStaffCookie, staffCookieOf } from "../cookie";
import { presentMe, presentOk } from "../presenters";
import { requireStaff } from "../require-staff";
import { signIn } from "../sign-in";
import { signOut } from "../sign-out";
import { loginBody, meSchema, okSchema, passwordBody } from "./schemas";

const tags = ["staff"];

/** Signing in and out, who am I, and changing one's own password. */
export function staffRoutes(router: Router, app: AppContext): void {
  // Generous: a whole service centre may sign in at 9:00 from one NAT address; lock-out guards each account.
  const limit = rateLimit({ store: app.store, key: perIp("staff:login"), limit: 100, windowSeconds: 60 });

  defineRoute(router, {
    method: "post", path: "/api/v1/staff/login", tags, summary: "Sign in: sets the HttpOnly session cookie zw_staff",
    before: [limit], body: loginBody, response: meSchema,
    handler: async ({ body }, c) => {
      const { token, session, principal } = await signIn(app, { ...body, previousToken: staffCookieOf(c) });
      setStaffCookie(app, c, token);
      return presentMe(principal, session.csrf);
    },
  });

  defineRoute(router, {
    method: "post", path: "/api/v1/staff/logout", tags, summary: "Sign out (ends this session)", status: 200,
    before: [requireStaff()], response: okSchema,
    handler: async (_input, c) => {
      await signOut(app, { token: staffCookieOf(c) });
      clearStaffCookie(app, c);
      return presentOk();
    },
  });

  defineRoute(router, {
    method: "get", path: "/api/v1/staff/me", tags, summary: "The signed-in staff member, with the CSRF token", security: ["staff"],
    before: [requireStaff()], response: meSchema,
    handler: async (_input, c) => {
      const auth = (await authenticateStaff(c))!;
      return presentMe(auth.principal, auth.session?.record.csrf ?? null);
    },
  });

  defineRoute(router, {
    method: "post", path: "/api/v1/staff/password", tags, summary: "Change one's password (old and new); every other session ends",
    before: [limit, requireStaff()], body: passwordBody, response: okSchema,
    handler: async ({ body }, c) => {
      await changeOwnPassword(c, body);
      return presentOk();
    },
  });
}
