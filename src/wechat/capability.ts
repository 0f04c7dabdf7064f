import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import type { MessageHandler } from "./answer";
import { createPaceCheck } from "./check-pace";
import { createWechatClient, type WechatClient } from "./client";
import { createLateDelivery } from "./deliver-later";
import { createWechatEndpoint } from "./endpoint";
import { wechatErrors } from "./errors";
import { callbackRoutes, type CallbackEndpoint } from "./http/callback-routes";
import { wechatJobs } from "./jobs";
import { localReply } from "./local-reply";
import { wechatText } from "./texts";

export interface WechatCapabilityOptions {
  /** The dialog logic (chat capability's handleMessage). */
  handleMessage: MessageHandler;
  /** Passive-reply budget before falling back to a customer-service message; WeChat gives up at 5 s. */
  replyBudgetMs?: number;
  /** Swap the WeChat API client (tests); default: co-wechat-api on WECHAT_API_BASE. */
  createClient?: (ctx: AppContext) => WechatClient;
}

export interface WechatCapability extends Capability {
  /** The Official Account API client for this context (others enqueue jobs instead where possible). */
  client(ctx: AppContext): WechatClient;
}

export const DEFAULT_REPLY_BUDGET_MS = 4500;

export function defaultWechatClient(ctx: AppContext): WechatClient {
  const c = ctx.config;
  if (!c.WECHAT_APPID || !c.WECHAT_APPSECRET) throw wechatErrors("wechat_not_configured");
  return createWechatClient({ appId: c.WECHAT_APPID, appSecret: c.WECHAT_APPSECRET, apiBase: c.WECHAT_API_BASE, store: ctx.store });
}

/** The `/wechat` endpoint with its dependencies, or undefined when WeChat is not configured. */
function callbackEndpoint(ctx: AppContext, opts: WechatCapabilityOptions): CallbackEndpoint | undefined {
  const c = ctx.config;
  if (!c.features.wechat || !c.WECHAT_TOKEN || !c.WECHAT_APPID) return undefined;
  return createWechatEndpoint({
    keys: { token: c.WECHAT_TOKEN, appId: c.WECHAT_APPID, aesKey: c.WECHAT_AES_KEY },
    store: ctx.store,
    handleMessage: opts.handleMessage,
    localReply,
    pace: createPaceCheck({ store: ctx.store, limitPerMinute: c.CHAT_LIMIT_PER_USER_MINUTE, hotline: c.HOTLINE }),
    apology: () => ({ kind: "text", text: wechatText("error_apology", { hotline: c.HOTLINE }) }),
    deliverLater: createLateDelivery({ queue: ctx.queue }),
    replyBudgetMs: opts.replyBudgetMs ?? DEFAULT_REPLY_BUDGET_MS,
    truncatedSuffix: wechatText("truncated_suffix"),
    logger: ctx.logger,
    now: ctx.now,
  });
}

/**
 * The Official Account channel: `/wechat` (verify, receive, reply) plus the jobs that call
 * WeChat (customer-service and template messages). The dialog logic is injected.
 */
export function createWechatCapability(opts: WechatCapabilityOptions): WechatCapability {
  const clients = new WeakMap<AppContext, WechatClient>();
  const client = (ctx: AppContext): WechatClient => {
    let c = clients.get(ctx);
    if (!c) clients.set(ctx, (c = (opts.createClient ?? defaultWechatClient)(ctx)));
    return c;
  };
  return {
    name: "wechat",
    client,
    routes: (router, ctx) => callbackRoutes(router, callbackEndpoint(ctx, opts)),
    jobs: (ctx) => wechatJobs(ctx, () => client(ctx)),
  };
}
