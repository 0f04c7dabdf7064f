import type { Middleware } from "koa";
import client from "prom-client";

/**
 * Prometheus metrics: request counts and latency by route pattern (never by raw path, which
 * would explode cardinality with item codes and ids), plus Node process metrics.
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: "http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by method and route",
    labelNames: ["method", "route"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // The label children are looked up once per (method, route[, status]): prom-client hashes
  // the label object on every observe otherwise, a measurable part of a webhook's cost.
  const latencyOf = new Map<string, ReturnType<typeof latency.labels>>();
  const countOf = new Map<string, ReturnType<typeof requests.labels>>();
  const middleware: Middleware = async (ctx, next) => {
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? "unmatched";
      const key = `${ctx.method} ${route}`;
      let h = latencyOf.get(key);
      if (!h) latencyOf.set(key, (h = latency.labels({ method: ctx.method, route })));
      h.observe(Number(process.hrtime.bigint() - start) / 1e9);
      const ckey = `${key} ${ctx.status}`;
      let c = countOf.get(ckey);
      if (!c) countOf.set(ckey, (c = requests.labels({ method: ctx.method, route, status: String(ctx.status) })));
      c.inc();
    }
  };
  return { registry, middleware };
}
