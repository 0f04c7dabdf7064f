import type Router from "@koa/router";
import { isAppError } from "../../platform/errors";
import { changeOwnPassword, PASSWORD_MAX, PASSWORD_MIN } from "../../staff";
import { T } from "../texts";
import { passwordPage } from "../views/password";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";

/**
 * 修改密码 for every signed-in staff member (the staff capability's changeOwnPassword: this
 * session stays, every other one ends). A wrong old password or a weak new one shows the form
 * again with the reason, not an error page.
 */
export function passwordRoutes(router: Router): void {
  const form = (c: Parameters<typeof viewerOf>[0], error?: string) =>
    passwordPage({ viewer: viewerOf(c), min: PASSWORD_MIN, max: PASSWORD_MAX, error, flash: flashOf(c, T) });

  router.get("/admin/password", page(undefined, async (c) => send(c, form(c))));
  router.post("/admin/password", page(undefined, async (c) => {
    const f = formOf(c);
    const oldPassword = f.oldPassword ?? "";
    const newPassword = f.newPassword ?? "";
    if (newPassword !== (f.newPassword2 ?? "")) return send(c, form(c, T("password.mismatch")), 422);
    try {
      await changeOwnPassword(c, { oldPassword, newPassword });
    } catch (e) {
      if (!isAppError(e) || e.status >= 500 || e.status === 401) throw e;
      return send(c, form(c, e.message), e.status);
    }
    done(c, "/admin/password", "password_changed");
  }));
}
