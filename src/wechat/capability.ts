import type Router from "@koa/router";
import type { Context } from "koa";
import type { Reply } from "../chat/types";
import type { Capability } from "../platform/capability";
import type { AppContext } from "../platform/context";
import { checkRateLimit, userBucket } from "../http/rate-limit";
import { isAppError } from "../platform/errors";
import { t } from "../platform/templates";
import type { MessageHandler } from "./answer";
import { createWechatClient, type WechatClient } from "./client";
import { createWechatEndpoint } from "./endpoint";
import { CUSTOMER_MESSAGE_JOB, wechatJobs, type CustomerMessagePayload } from "./jobs";
import { loadMenu } from "./menu";
import type { Inbound } from "./normalize";
import { replyText } from "./render";

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
  if (!c.WECHAT_APPID || !c.WECHAT_APPSECRET) throw new Error("WeChat is not configured (WECHAT_APPID, WECHAT_APPSECRET)");
  return createWechatClient({ appId: c.WECHAT_APPID, appSecret: c.WECHAT_APPSECRET, apiBase: c.WECHAT_API_BASE, store: ctx.store });
}

/** Channel-level replies the dialog logic never sees: following, unfollowing, media we cannot read. */
function localReply(ctx: AppContext, welcomeEntries: string[]) {
  const tr = (id: string, vars?: Record<string, string>) => t("wechat", "zh", id, vars);
  return ({ message: m }: Inbound): Reply | undefined => {
    if (m.kind === "unsupported") return { kind: "text", text: tr(m.original === "voice" ? "voice_unrecognised" : "unsupported") };
    if (m.kind !== "event") return undefined;
    if (m.event === "unsubscribe") return { kind: "none" };
    if (m.event === "subscribe") {
      const entries = welcomeEntries.join(tr("entry_separator"));
      return { kind: "text", text: tr("welcome", { province: ctx.config.PROVINCE_NAME, entries, hotline: ctx.config.HOTLINE }) };
    }
    return undefined; // CLICK and SCAN are the dialog's business
  };
}

/**
 * Messages per person per minute (CHAT_LIMIT_PER_USER_MINUTE): every citizen's messages come
 * from WeChat's servers, so the limit is per openid, and the answer is a polite reply (an HTTP
 * error would show the citizen "该公众号暂时无法提供服务"). A store that is down limits nobody.
 */
function pace(ctx: AppContext) {
  const limit = { limit: ctx.config.CHAT_LIMIT_PER_USER_MINUTE, windowSeconds: 60 };
  return async (inbound: Inbound): Promise<Reply | undefined> => {
    try {
      await checkRateLimit(ctx.store, userBucket("wechat", inbound.openid), limit);
      return undefined;
    } catch (err) {
      if (isAppError(err) && err.code === "rate_limited") return { kind: "text", text: t("wechat", "zh", "slow_down", { hotline: ctx.config.HOTLINE }) };
      return undefined;
    }
  };
}

function mountRoutes(router: Router, ctx: AppContext, opts: WechatCapabilityOptions): void {
  const c = ctx.config;
  if (!c.features.wechat || !c.WECHAT_TOKEN || !c.WECHAT_APPID) {
    const off = (k: Context) => {
      k.status = 503;
      k.type = "text/plain";
      k.body = "WeChat is not configured";
    };
    router.get("/wechat", off);
    router.post("/wechat", off);
    return;
  }
  const { welcomeEntries } = loadMenu(c.PUBLIC_BASE_URL);
  const endpoint = createWechatEndpoint({
    keys: { token: c.WECHAT_TOKEN, appId: c.WECHAT_APPID, aesKey: c.WECHAT_AES_KEY },
    store: ctx.store,
    handleMessage: opts.handleMessage,
    localReply: localReply(ctx, welcomeEntries),
    pace: pace(ctx),
    apology: () => ({ kind: "text", text: t("wechat", "zh", "error_apology", { hotline: c.HOTLINE }) }),
    deliverLater: async (inbound, reply) => {
      const text = reply.kind === "transfer" ? (reply.text ?? t("wechat", "zh", "transfer_late")) : replyText(reply);
      if (!text) return;
      await ctx.queue.enqueue<CustomerMessagePayload>(CUSTOMER_MESSAGE_JOB, { openid: inbound.openid, text }, { jobId: `wechat-cs:${inbound.dedupeKey}` });
    },
    replyBudgetMs: opts.replyBudgetMs ?? DEFAULT_REPLY_BUDGET_MS,
    truncatedSuffix: t("wechat", "zh", "truncated_suffix"),
    logger: ctx.logger,
    now: ctx.now,
  });
  router.get("/wechat", endpoint.verify);
  router.post("/wechat", endpoint.receive);
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
    routes: (router, ctx) => mountRoutes(router, ctx, opts),
    jobs: (ctx) => wechatJobs(ctx, () => client(ctx)),
  };
}
