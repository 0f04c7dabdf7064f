import type Router from "@koa/router";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { receiveCallback } from "../outbox/receive-callback";

/** The external 12345 platform calling back: signed over the raw body (receive-callback.ts). */
export function integrationRoutes(router: Router, _app: AppContext, deps: () => ComplaintsDeps): void {
  router.post("/api/v1/integrations/12345/callbacks", async (c) => {
    const rawBody = (c.request as { rawBody?: string }).rawBody ?? "";
    c.body = await receiveCallback(deps(), { rawBody, headers: c.headers });
  });
}
