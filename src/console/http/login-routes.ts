import type Router from "@koa/router";
import { loginPage } from "../views/login";
import { send } from "./page";

/** Only a path inside the console may be the page to return to after signing in (no open redirect). */
export const safeNext = (v: unknown): string => (typeof v === "string" && /^\/admin(\/[\w-]|$|\?)/.test(v) && !v.startsWith("/admin/login") ? v : "/admin");

/** The sign-in page (signing in and out are the staff capability's API: /api/v1/staff/login, /logout). */
export function loginRoutes(router: Router): void {
  router.get("/admin/login", (c) => send(c, loginPage(safeNext(c.query.next))));
}
