import type Router from "@koa/router";
import type { Context, Middleware } from "koa";
import { z } from "zod";
import { documentRoute } from "../../http/openapi";

export interface CallbackEndpoint {
  verify: Middleware;
  receive: Middleware;
}

/**
 * `/wechat`: GET is WeChat's server verification, POST a callback (message or event). The
 * endpoint reads the raw body itself (signature, decryption), so no body schema applies here.
 * Without WeChat configured both answer 503 in plain text.
 */
export function callbackRoutes(router: Router, endpoint: CallbackEndpoint | undefined): void {
  const signed = { signature: z.string(), timestamp: z.string(), nonce: z.string() };
  documentRoute({
    method: "get",
    path: "/wechat",
    summary: "WeChat server verification: answers echostr when the signature holds",
    tags: ["wechat"],
    query: z.object({ ...signed, echostr: z.string() }),
    responseTypes: ["text/plain"],
  });
  documentRoute({
    method: "post",
    path: "/wechat",
    summary: "WeChat callback: a message or event (XML, plain or encrypted), answered in XML or 'success'",
    tags: ["wechat"],
    query: z.object({ ...signed, openid: z.string().optional(), encrypt_type: z.enum(["aes"]).optional(), msg_signature: z.string().optional() }),
    bodyTypes: ["text/xml"],
    responseTypes: ["text/xml", "text/plain"],
  });
  if (!endpoint) {
    const off = (k: Context) => {
      k.status = 503;
      k.type = "text/plain";
      k.body = "WeChat is not configured";
    };
    router.get("/wechat", off);
    router.post("/wechat", off);
    return;
  }
  router.get("/wechat", endpoint.verify);
  router.post("/wechat", endpoint.receive);
}
