import type Router from "@koa/router";
import { documentRoute } from "../../http/openapi";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { receiveCallback } from "../outbox/receive-callback";
import { presentCallbackResult } from "../presenters";

/** The external 12345 platform calling back: signed over the raw body (receive-callback.ts). */
export function integrationRoutes(router: Router, _app: AppContext, deps: () => ComplaintsDeps): void {
  documentRoute({
    method: "post",
    path: "/api/v1/integrations/12345/callbacks",
    summary: "12345 platform callback (HMAC-SHA256 over the raw JSON body)",
    tags: ["integrations"],
    bodyTypes: ["application/json"],
  });
  router.post("/api/v1/integrations/12345/callbacks", async (c) => {
    const rawBody = (c.request as { rawBody?: string }).rawBody ?? "";
    c.body = presentCallbackResult(await receiveCallback(deps(), { rawBody, headers: c.headers }));
  });
}
