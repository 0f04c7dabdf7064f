import type Router from "@koa/router";
import type { AppContext } from "../platform/context";
import type { Registry } from "prom-client";
import { z } from "zod";
import { documentRoute, openApiDocument } from "./openapi";
import { metricsAllowed } from "./metrics-access";
import { platformErrors } from "../platform/platform-errors";
import type { Capability, ReadinessWarning } from "../platform/capability";

/**
 * Liveness (/healthz: the process answers), readiness (/readyz: the database and Redis
 * answer — a load balancer stops sending traffic while either is down; `warnings` name what
 * will break without failing readiness, such as a holiday year not entered), metrics and the
 * OpenAPI document.
 */
export function healthRoutes(router: Router, ctx: AppContext, capabilities: Capability[], metrics: Registry, isShuttingDown: () => boolean): void {
  for (const cap of capabilities) cap.metrics?.(metrics, ctx);
  const warnings = async (): Promise<ReadinessWarning[]> =>
    (await Promise.all(capabilities.map((cap) => cap.warnings?.(ctx).catch(() => []) ?? []))).flat();
  router.get("/healthz", (c) => {
    c.body = { status: "ok" };
  });
  router.get("/readyz", async (c) => {
    const [database, redis, warned] = await Promise.all([
      withTimeout(ctx.db.ping(), 2000),
      withTimeout(ctx.store.ping(), 2000),
      // Warnings never fail readiness: e.g. next year's holidays not entered (the calendar's).
      warnings(),
    ]);
    const ready = database && redis && !isShuttingDown();
    c.status = ready ? 200 : 503;
    c.body = {
      status: ready ? "ready" : "unavailable",
      checks: {
        database: { ok: database, kind: ctx.db.kind },
        redis: { ok: redis, kind: ctx.config.REDIS_URL ? "redis" : "memory" },
        shuttingDown: isShuttingDown(),
      },
      warnings: warned,
    };
  });
  router.get("/metrics", async (c) => {
    if (!metricsAllowed(c, ctx.config.METRICS_TOKEN)) throw platformErrors("route_not_found", { method: "GET", path: "/metrics" });
    c.type = metrics.contentType;
    c.body = await metrics.metrics();
  });
  documentRoute({ method: "get", path: "/healthz", summary: "Liveness: the process answers", tags: ["health"], response: z.object({ status: z.literal("ok") }) });
  documentRoute({ method: "get", path: "/readyz", summary: "Readiness: database and Redis answer (503 otherwise), with warnings", tags: ["health"] });
  documentRoute({ method: "get", path: "/metrics", summary: "Prometheus metrics (METRICS_TOKEN bearer, or loopback only)", tags: ["health"], responseTypes: ["text/plain"] });
  documentRoute({ method: "get", path: "/openapi.json", summary: "This document", tags: ["health"] });
  router.get("/openapi.json", (c) => {
    c.body = openApiDocument({ title: "政务服务助手 API", version: "1.0.0", serverUrl: ctx.config.PUBLIC_BASE_URL });
  });
}

async function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  let t: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => (t = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.catch(() => false), timeout]);
  } finally {
    clearTimeout(t);
  }
}
