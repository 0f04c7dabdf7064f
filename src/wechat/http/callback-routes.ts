import type Router from "@koa/router";
import type { Context, Middleware } from "koa";

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
