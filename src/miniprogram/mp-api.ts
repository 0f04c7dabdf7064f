import type { AppContext } from "../platform/context";
import { createMiniProgramClient, type MiniProgramClient } from "../wechat";

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
