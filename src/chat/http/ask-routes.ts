import type Router from "@koa/router";
import type { Context, Middleware } from "koa";
import { createHash } from "node:crypto";
import { defineRoute } from "../../http/openapi";
import { perIp, perUser, rateLimit } from "../../http/rate-limit";
import type { ChatDeps } from "../deps";
import type { AskAuth } from "../ports";
import { handleMessage } from "../handle-message";
import { presentAskReply } from "../presenters";
import { askBody, askResponse } from "./schemas";

const randomKey = () => createHash("sha256").update(`${Math.random()}${Date.now()}`).digest("hex").slice(0, 16);

/**
 * The chat's sender for one request. A mini-program session is a person (their own tickets and
 * applications). Otherwise the caller-supplied sessionId only keys the conversation's context
 * (follow-up questions): it is not verified, and is prefixed so it can never equal an openid
 * or a user id — whoever knows a sessionId learns no one's records.
 */
function sender(auth: AskAuth | undefined, c: Context, sessionId: string | undefined) {
  const userId = auth?.userIdOf(c);
  if (userId) return { channel: "miniprogram" as const, userId, verified: true };
  return { channel: "api" as const, userId: `anon:${sessionId ?? randomKey()}`, verified: false };
}

/**
 * Limits a citizen never meets but a script does (429 with Retry-After): per client address,
 * whatever sessionId it sends, and per mini-program user.
 */
function askLimits(deps: ChatDeps, auth: AskAuth | undefined, limits: AskLimits): Middleware[] {
  const perMinute = (limit: number) => ({ store: deps.store, limit, windowSeconds: 60 });
  const byIp = rateLimit({ key: perIp("ask"), ...perMinute(limits.perIpMinute) });
  if (!auth) return [byIp];
  return [byIp, auth.before, rateLimit({ key: perUser("ask", auth.userIdOf), ...perMinute(limits.perUserMinute) })];
}

/** Questions per minute (CHAT_LIMIT_PER_IP_MINUTE, CHAT_LIMIT_PER_USER_MINUTE). */
export interface AskLimits {
  perIpMinute: number;
  perUserMinute: number;
}

export interface AskRouteOptions {
  now?: () => Date;
  auth?: AskAuth;
  limits?: AskLimits;
}

/**
 * POST /api/v1/ask — the mini-program's Q&A, through the same handleMessage as WeChat.
 * Without a sessionId (or a session) every question stands alone.
 */
export function registerAskRoute(router: Router, deps: ChatDeps, opts: AskRouteOptions = {}): void {
  const { now = () => new Date(), auth, limits = { perIpMinute: 120, perUserMinute: 30 } } = opts;
  defineRoute(router, {
    method: "post",
    path: "/api/v1/ask",
    summary: "Ask a question about government services (personal commands need a mini-program session)",
    tags: ["chat"],
    before: askLimits(deps, auth, limits),
    body: askBody,
    response: askResponse,
    handler: async ({ body: b }, c) =>
      presentAskReply(await handleMessage(deps, { kind: "text", ...sender(auth, c, b.sessionId), text: b.question, lang: b.lang, receivedAt: now() })),
  });
}
