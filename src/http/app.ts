import Koa from "koa";
import Router from "@koa/router";
import { bodyParser } from "@koa/bodyparser";
import type { AppContext } from "../platform/context";
import type { Capability } from "../platform/capability";
import { provideAppContext } from "./app-context";
import { clientAddress } from "./client-address";
import { createMetrics } from "./metrics";
import { observeRequests } from "./observe";
import { healthRoutes } from "./health";
import { securityHeaders } from "./security-headers";
import { segmentRoutes } from "./segment-routes";
import { assertStorableBody, refuseUnstorableRequestLine } from "./storable-input";

/** A superset of the types the body parser accepts (JSON and its `+json`/csp-report kin, forms); it decides exactly. */
const MAYBE_PARSED = /json|csp-report|x-www-form-urlencoded/i;

export interface HttpApp {
  app: Koa;
  /** Every route the app answers ("GET /api/v1/items/:code"), for the check that /openapi.json lists them all. */
  routes: readonly { method: string; path: string }[];
  /** Every route, as registered (the authorization matrix test reads its layers). */
  router: Router;
  /** Set when shutdown starts: /readyz turns 503 so the load balancer drains us. */
  markShuttingDown(): void;
}

/**
 * The Koa application: request id, error responses, metrics and the log line (observe.ts) →
 * the request line and body checked for text that cannot be stored → body parsing (JSON and
 * forms only; XML and signed payloads are read raw by their own routes) → routes, by first
 * path segment.
 */
export function createHttpApp(ctx: AppContext, capabilities: Capability[]): HttpApp {
  // X-Forwarded-For is believed only as TRUST_PROXY says (client-address.ts), never by Koa itself.
  const app = new Koa({ proxy: false });
  provideAppContext(app, ctx);
  const fromProxy = clientAddress(ctx.config.TRUST_PROXY);
  let shuttingDown = false;
  const metrics = createMetrics();
  if (fromProxy) app.use(fromProxy);
  app.use(observeRequests(ctx.logger, metrics));
  app.use(securityHeaders());
  const parseBody = bodyParser({
    enableTypes: ["json", "form"],
    jsonLimit: ctx.config.BODY_LIMIT_BYTES,
    formLimit: ctx.config.BODY_LIMIT_BYTES,
    // Keep the raw text: webhook signatures are computed over the exact bytes received.
    encoding: "utf-8",
  });
  // The parser's own type check (type-is) costs more than a webhook's whole signature check;
  // requests that cannot be JSON or a form (GETs, WeChat's XML, uploads) skip it.
  // Text the database cannot store is refused once, here, for every route (storable-input.ts);
  // multipart fields are checked where they are parsed (complaints' image upload).
  app.use(refuseUnstorableRequestLine());
  app.use((c, next) =>
    MAYBE_PARSED.test(c.get("content-type"))
      ? parseBody(c, () => {
          assertStorableBody((c.request as { body?: unknown }).body);
          return next();
        })
      : next(),
  );
  const router = new Router();
  healthRoutes(router, ctx, capabilities, metrics.registry, () => shuttingDown);
  for (const cap of capabilities) cap.routes?.(router, ctx);
  app.use(segmentRoutes(router));
  app.on("error", () => {
    /* already logged by observeRequests; socket errors after the response are not ours */
  });
  const routes = router.stack.flatMap((layer) =>
    typeof layer.path === "string" ? layer.methods.filter((m) => m !== "HEAD").map((method) => ({ method, path: layer.path as string })) : [],
  );
  return { app, routes, router, markShuttingDown: () => (shuttingDown = true) };
}
