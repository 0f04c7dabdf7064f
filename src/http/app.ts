import Koa from "koa";
import Router from "@koa/router";
import { bodyParser } from "@koa/bodyparser";
import type { AppContext } from "../platform/context";
import type { Capability } from "../platform/capability";
import { createMetrics } from "./metrics";
import { observeRequests } from "./observe";
import { healthRoutes } from "./health";
import { segmentRoutes } from "./segment-routes";

/** A superset of the types the body parser accepts (JSON and its `+json`/csp-report kin, forms); it decides exactly. */
const MAYBE_PARSED = /json|csp-report|x-www-form-urlencoded/i;

export interface HttpApp {
  app: Koa;
  /** Set when shutdown starts: /readyz turns 503 so the load balancer drains us. */
  markShuttingDown(): void;
}

/**
 * The Koa application: request id, error responses, metrics and the log line (observe.ts) →
 * body parsing (JSON and forms only; XML and signed payloads are read raw by their own
 * routes) → routes, by first path segment.
 */
export function createHttpApp(ctx: AppContext, capabilities: Capability[]): HttpApp {
  const app = new Koa({ proxy: true });
  let shuttingDown = false;
  const metrics = createMetrics();
  app.use(observeRequests(ctx.logger, metrics));
  const parseBody = bodyParser({
    enableTypes: ["json", "form"],
    jsonLimit: ctx.config.BODY_LIMIT_BYTES,
    formLimit: ctx.config.BODY_LIMIT_BYTES,
    // Keep the raw text: webhook signatures are computed over the exact bytes received.
    encoding: "utf-8",
  });
  // The parser's own type check (type-is) costs more than a webhook's whole signature check;
  // requests that cannot be JSON or a form (GETs, WeChat's XML, uploads) skip it.
  app.use((c, next) => (MAYBE_PARSED.test(c.get("content-type")) ? parseBody(c, next) : next()));
  const router = new Router();
  healthRoutes(router, ctx, metrics.registry, () => shuttingDown);
  for (const cap of capabilities) cap.routes?.(router, ctx);
  app.use(segmentRoutes(router));
  app.on("error", () => {
    /* already logged by observeRequests; socket errors after the response are not ours */
  });
  return { app, markShuttingDown: () => (shuttingDown = true) };
}
