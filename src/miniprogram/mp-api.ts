import type { AppContext } from "../platform/context";
import type { AppError } from "../platform/errors";
import { createMiniProgramClient, WechatApiError, type MiniProgramClient } from "../wechat";
import { miniprogramErrors } from "./errors";

/**
 * The mini-program's WeChat client, one per service instance. code2Session uses the
 * instance's own appid/secret, so the mini-program needs its own client (and access token),
 * separate from the Official Account's. Undefined when MP_APPID/MP_APPSECRET are not set.
 */
const clients = new WeakMap<AppContext, MiniProgramClient>();

export function miniProgramClient(ctx: AppContext): MiniProgramClient | undefined {
  const c = ctx.config;
  if (!c.features.miniprogram || !c.MP_APPID || !c.MP_APPSECRET) return undefined;
  let client = clients.get(ctx);
  if (!client) {
    client = createMiniProgramClient({
      appId: c.MP_APPID,
      appSecret: c.MP_APPSECRET,
      apiBase: c.MP_API_BASE ?? c.WECHAT_API_BASE,
      store: ctx.store,
    });
    clients.set(ctx, client);
  }
  return client;
}

/** Tests (or an integrator) may supply the client instead. */
export function setMiniProgramClient(ctx: AppContext, client: MiniProgramClient): void {
  clients.set(ctx, client);
}

/** The client, or 503 miniprogram_not_configured. */
export function requireMiniProgramClient(ctx: AppContext): MiniProgramClient {
  const client = miniProgramClient(ctx);
  if (!client) throw miniprogramErrors("miniprogram_not_configured");
  return client;
}

/** WeChat's answers for a wx.login / getPhoneNumber code that is wrong, used or expired. */
const BAD_CODE = new Set([40029, 40163, 40226, 40013]);

/** A failed code exchange: the code's fault (401) or WeChat's (503). */
export function codeExchangeError(e: unknown, code: "login_code_invalid" | "phone_code_invalid"): AppError {
  if (e instanceof WechatApiError && e.errcode !== undefined && BAD_CODE.has(e.errcode)) return miniprogramErrors(code);
  return miniprogramErrors("wechat_unreachable");
}
