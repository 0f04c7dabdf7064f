import type { AppContext } from "../platform/context";
import { citizenWebErrors } from "./errors";

/** WeChat's answers for a web-authorization code that is wrong, used, expired or missing. */
const BAD_CODE = new Set([40029, 40163, 41008, 42003]);
const TIMEOUT_MS = 5000;

/**
 * The documented exchange of a web-authorization code (公众号网页授权, step 2):
 * GET {WECHAT_API_BASE}/sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code
 * → { access_token, expires_in, refresh_token, openid, scope, unionid? } or { errcode, errmsg }.
 * snsapi_base needs nothing more than the openid; the web access token is not kept.
 */
export async function exchangeCode(app: AppContext, code: string): Promise<{ openid: string; unionid?: string }> {
  const { WECHAT_API_BASE, WECHAT_APPID, WECHAT_APPSECRET } = app.config;
  const url = new URL("/sns/oauth2/access_token", WECHAT_API_BASE);
  url.search = new URLSearchParams({ appid: WECHAT_APPID ?? "", secret: WECHAT_APPSECRET ?? "", code, grant_type: "authorization_code" }).toString();
  let body: { openid?: unknown; unionid?: unknown; errcode?: unknown; errmsg?: unknown };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as typeof body;
  } catch (err) {
    app.logger.warn({ err: String(err) }, "WeChat web authorization: code exchange failed");
    throw citizenWebErrors("oauth_unreachable");
  }
  const errcode = typeof body.errcode === "number" ? body.errcode : 0;
  if (errcode !== 0 || typeof body.openid !== "string" || !body.openid) {
    app.logger.warn({ errcode, errmsg: String(body.errmsg ?? "").slice(0, 200) }, "WeChat web authorization: code refused");
    throw citizenWebErrors(BAD_CODE.has(errcode) ? "oauth_code_invalid" : "oauth_unreachable");
  }
  return { openid: body.openid, ...(typeof body.unionid === "string" && body.unionid ? { unionid: body.unionid } : {}) };
}
