import type Router from "@koa/router";
import { documentRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import { isAppError } from "../../platform/errors";
import { finishSignIn, returnToOf } from "../finish-sign-in";
import { signInFailedPage, webText } from "../presenters";
import { perIp, rateLimit } from "../../http/rate-limit";
import { SESSION_COOKIE, SIGN_IN_LIMIT } from "../require-citizen";
import { clearCookie, writeSignedCookie } from "../signed-cookie";
import { CALLBACK_PATH, STATE_COOKIE } from "../start-sign-in";
import { callbackQuery } from "./schemas";

const HTML = "text/html; charset=utf-8";

/** GET /auth/wechat/callback — where WeChat's web authorization sends the citizen back. */
export function pageRoutes(router: Router, app: AppContext): void {
  documentRoute({ method: "get", path: CALLBACK_PATH, summary: "WeChat web authorization (snsapi_base) comes back here: code → openid → session cookie, then 302 to the page asked for", tags: ["pages"], query: callbackQuery, responseTypes: ["text/html"] });
  // Each callback may cost a call to WeChat: the same per-address budget as starting a sign-in.
  router.get(CALLBACK_PATH, rateLimit({ store: app.store, key: perIp("citizen-web:callback"), ...SIGN_IN_LIMIT }), async (ctx) => {
    ctx.set("Cache-Control", "no-store");
    const refuse = (status: number, code: string, text: string, returnTo?: string) => {
      ctx.status = status;
      ctx.type = HTML;
      ctx.state.failure = { code };
      ctx.body = signInFailedPage(text, returnTo);
    };
    const q = callbackQuery.safeParse(ctx.query);
    if (!q.success) return refuse(400, "validation_failed", webText("zh", "callback_invalid"));
    try {
      const done = await finishSignIn(app, ctx, q.data);
      writeSignedCookie(app, ctx, SESSION_COOKIE, done.token, { maxAgeSeconds: done.ttlSeconds });
      clearCookie(ctx, STATE_COOKIE, CALLBACK_PATH);
      ctx.redirect(done.returnTo);
    } catch (e) {
      if (!isAppError(e) || e.code === "internal") throw e;
      refuse(e.status, e.publicCode, e.message, returnToOf(e));
    }
  });
}
