import type { Context, Middleware } from "koa";
import getRawBody from "raw-body";
import type { Logger } from "../platform/logger";
import { createAnswerer, type AnswerDeps } from "./answer";
import { openCallback, sealReply, verifyQuerySignature, type EnvelopeKeys } from "./envelope";
import { normalize } from "./normalize";
import { isRejection, WechatRejection } from "./rejection";

/** WeChat messages are a few KB; 64 KB leaves room and keeps memory per request bounded. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface EndpointDeps extends Omit<AnswerDeps, "logger" | "now"> {
  keys: EnvelopeKeys;
  logger: Logger;
  now: () => Date;
}

async function readBody(ctx: Context): Promise<string> {
  // @koa/bodyparser may have consumed a form-typed body already; it keeps the raw text.
  const parsed = (ctx.request as { rawBody?: unknown }).rawBody;
  if (typeof parsed === "string") {
    if (Buffer.byteLength(parsed) > MAX_BODY_BYTES) throw new WechatRejection(413, "body too large");
    return parsed;
  }
  try {
    return await getRawBody(ctx.req, { limit: MAX_BODY_BYTES, length: ctx.get("content-length") || undefined, encoding: "utf8" });
  } catch (e) {
    const status = (e as { status?: number }).status;
    throw new WechatRejection(status === 413 ? 413 : 400, status === 413 ? "body too large" : "cannot read body");
  }
}

function reject(ctx: Context, log: Logger, e: WechatRejection): void {
  ctx.status = e.status;
  ctx.type = "text/plain";
  ctx.body = e.message;
  // A body left unread must not leave the socket half-consumed for the next keep-alive request.
  if (e.status === 413) ctx.set("Connection", "close");
  log.warn({ status: e.status, reason: e.message, ip: ctx.ip }, "wechat: callback rejected");
}

/**
 * The `/wechat` endpoint: verify → decrypt → parse → IncomingMessage → answer once → render →
 * encrypt. Rejections are plain-text 4xx; anything else that goes wrong answers `success`
 * (WeChat would otherwise show "该公众号暂时无法提供服务" to the citizen).
 */
export function createWechatEndpoint(deps: EndpointDeps): { verify: Middleware; receive: Middleware } {
  const answerer = createAnswerer(deps);
  const logOf = (ctx: Context) => (ctx.state.log as Logger | undefined) ?? deps.logger;

  const verify: Middleware = async (ctx) => {
    try {
      const query = new URLSearchParams(ctx.querystring);
      verifyQuerySignature(query, deps.keys, deps.now());
      ctx.type = "text/plain";
      ctx.body = query.get("echostr") ?? "";
    } catch (e) {
      if (!isRejection(e)) throw e;
      reject(ctx, logOf(ctx), e);
    }
  };

  const receive: Middleware = async (ctx) => {
    try {
      const body = await readBody(ctx);
      const now = deps.now();
      const opened = openCallback(new URLSearchParams(ctx.querystring), body, deps.keys, now);
      const inbound = normalize(opened.fields, now);
      const xml = await answerer.answer(inbound);
      const plain = xml === "success";
      // The header itself: `ctx.type` would look the type up in mime-types on every message.
      ctx.set("Content-Type", plain ? "text/plain; charset=utf-8" : "application/xml");
      ctx.body = opened.encrypted && !plain ? sealReply(xml, deps.keys, deps.now()) : xml;
    } catch (e) {
      if (isRejection(e)) return reject(ctx, logOf(ctx), e);
      logOf(ctx).error({ err: e }, "wechat: callback failed, answering success");
      ctx.type = "text/plain";
      ctx.body = "success";
    }
  };

  return { verify, receive };
}
