import type { Context } from "koa";
import type { AppContext } from "../platform/context";
import { citizenWebErrors } from "./errors";
import { rememberState, STATE_TTL_SECONDS } from "./sign-in-state";
import { writeSignedCookie } from "./signed-cookie";

export const CALLBACK_PATH = "/auth/wechat/callback";
export const STATE_COOKIE = "zw_oauth_state";

/** Only our own pages are returned to: a path, never another origin ("//evil", "/\\evil"). */
export const safeReturnPath = (p: string): string => (/^\/(?![/\\])[\x21-\x7e]*$/.test(p) && p.length <= 300 ? p : "/");

/**
 * Where an unknown visitor goes: WeChat's web-authorization page (OAuth2, scope snsapi_base —
 * silent, no consent screen, gives the openid), which sends the browser back to our callback
 * with `code` and our `state`. The URL's shape is WeChat's documented one, fragment included.
 */
export async function startSignIn(app: AppContext, ctx: Context, returnTo: string): Promise<string> {
  const { WECHAT_APPID, WECHAT_OAUTH_BASE, PUBLIC_BASE_URL } = app.config;
  if (!app.config.features.wechat || !WECHAT_APPID) throw citizenWebErrors("web_sign_in_not_configured");
  const state = await rememberState(app, safeReturnPath(returnTo));
  writeSignedCookie(app, ctx, STATE_COOKIE, state, { maxAgeSeconds: STATE_TTL_SECONDS, path: CALLBACK_PATH });
  const redirectUri = `${PUBLIC_BASE_URL.replace(/\/$/, "")}${CALLBACK_PATH}`;
  const query = new URLSearchParams({ appid: WECHAT_APPID, redirect_uri: redirectUri, response_type: "code", scope: "snsapi_base", state });
  return `${WECHAT_OAUTH_BASE.replace(/\/$/, "")}/connect/oauth2/authorize?${query.toString()}#wechat_redirect`;
}
