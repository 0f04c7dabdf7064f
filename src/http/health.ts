import type Router from "@koa/router";
import type { AppContext } from "../platform/context";
import type { Registry } from "prom-client";
import { openApiDocument } from "./openapi";

/**
 * Liveness (/healthz: the process answers), readiness (/readyz: the database and Redis
 * answer — a load balancer stops sending traffic while either is down), metrics and the
 * OpenAPI document.
 */
export function healthRoutes(router: Router, ctx: AppContext, metrics: Registry, isShuttingDown: () => boolean): void {
  router.get("/healthz", (c) => {
    c.body = { status: "ok" };
  });
  router.get("/readyz", async (c) => {
    const [database, redis] = await Promise.all([
      withTimeout(ctx.db.ping(), 2000),
      withTimeout(ctx.store.ping(), 2000),
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
    };
  });
  router.get("/metrics", async (c) => {
    c.type = metrics.contentType;
    c.body = await metrics.metrics();
  });
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
