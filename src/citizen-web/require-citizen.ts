import type { Context, Middleware } from "koa";
import { checkRateLimit, perIp } from "../http/rate-limit";
import type { AppContext } from "../platform/context";
import { resumeCitizenSession, type Citizen } from "./citizen-session";
import { notConfiguredPage, pageLang } from "./presenters";
import { readSignedCookie } from "./signed-cookie";
import { startSignIn } from "./start-sign-in";

export const SESSION_COOKIE = "zw_citizen";
/** Sign-ins started per client address a minute: each writes a state to the store. */
export const SIGN_IN_LIMIT = { limit: 60, windowSeconds: 60 };
const HTML = "text/html; charset=utf-8";

/**
 * Guards a citizen's own pages: a signed-in citizen goes on (`citizenOf(ctx)`); anyone else is
 * sent (302) to WeChat's web authorization and comes back signed in. A tampered, unknown or
 * expired cookie counts as no cookie. Without WeChat configured the page says so (503).
 */
export function requireCitizen(app: AppContext): Middleware {
  return async (ctx, next) => {
    // Personal pages: never kept by a shared cache or the browser's back-forward cache.
    ctx.set("Cache-Control", "private, no-store");
    const token = readSignedCookie(app, ctx, SESSION_COOKIE);
    const citizen = token ? await resumeCitizenSession(app, token) : undefined;
    if (citizen) {
      ctx.state.citizen = citizen;
      return next();
    }
    if (!app.config.features.wechat) {
      ctx.status = 503;
      ctx.type = HTML;
      ctx.state.failure = { code: "web_sign_in_not_configured" };
      ctx.body = notConfiguredPage(pageLang(ctx.query.lang), ctx.path, app.config.HOTLINE);
      return;
    }
    await checkRateLimit(app.store, perIp("citizen-web:sign-in")(ctx), SIGN_IN_LIMIT);
    ctx.redirect(await startSignIn(app, ctx, ctx.originalUrl));
  };
}

/** The citizen `requireCitizen` let through. */
export function citizenOf(ctx: Context): Citizen {
  const c = ctx.state.citizen as Citizen | undefined;
  if (!c) throw new Error("citizenOf: requireCitizen did not run on this route");
  return c;
}
