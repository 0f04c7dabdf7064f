import type { Context } from "koa";
import client from "prom-client";

/**
 * Prometheus metrics: request latency by method, route pattern (never the raw path, which
 * would explode cardinality with item codes and ids) and status — its `_count` series are the
 * request counts — plus Node process metrics.
 *
 * One histogram rather than a histogram and a counter: prom-client validates and hashes the
 * labels on every observation, even through a bound child, and a second metric doubled that
 * work on every request (measured on the WeChat callback, the busiest route).
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const latency = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by method, route and status (its _count: requests)",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  /** Records one finished request, by the route pattern the router matched. */
  const record = (ctx: Context, seconds: number): void => {
    const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? "unmatched";
    // prom-client validates and hashes the labels on each observation, through a bound child
    // too, so binding children per label set would save nothing.
    latency.observe({ method: ctx.method, route, status: ctx.status }, seconds);
  };
  return { registry, record };
}
