import type Router from "@koa/router";
import type { Context, Middleware } from "koa";
import { documentRoute } from "../../http/openapi";
import { t } from "../../platform/templates";
import { callbackQuery, verifyQuery } from "./schemas";

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
  documentRoute({
    method: "get",
    path: "/wechat",
    summary: "WeChat server verification: answers echostr when the signature holds",
    tags: ["wechat"],
    query: verifyQuery,
    responseTypes: ["text/plain"],
  });
  documentRoute({
    method: "post",
    path: "/wechat",
    summary: "WeChat callback: a message or event (XML, plain or encrypted), answered in XML or 'success'",
    tags: ["wechat"],
    query: callbackQuery,
    bodyTypes: ["text/xml"],
    responseTypes: ["text/xml", "text/plain"],
  });
  if (!endpoint) {
    const off = (k: Context) => {
      k.status = 503;
      k.type = "text/plain";
      k.body = t("wechat", "zh", "errors.wechat_not_configured");
    };
    router.get("/wechat", off);
    router.post("/wechat", off);
    return;
  }
  router.get("/wechat", endpoint.verify);
  router.post("/wechat", endpoint.receive);
}
