import type { Context } from "koa";
import client from "prom-client";

/** Observations kept before they are handed to prom-client in one go (a scrape takes them sooner). */
export const METRICS_BATCH = 512;

/**
 * Prometheus metrics: request latency by method, route pattern (never the raw path, which
 * would explode cardinality with item codes and ids) and status — its `_count` series are the
 * request counts — plus Node process metrics.
 *
 * A request only writes its labels and duration into preallocated arrays; they reach the
 * histogram in batches — on every scrape (prom-client's `collect` hook, so /metrics is always
 * complete) and whenever 512 wait — because prom-client's per-observation label checks cost
 * the busy WeChat path more than the rest of the metric (bench/README.md, "Per-message costs").
 */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const methods: string[] = new Array<string>(METRICS_BATCH);
  const routes: string[] = new Array<string>(METRICS_BATCH);
  const statuses = new Uint16Array(METRICS_BATCH);
  const seconds = new Float64Array(METRICS_BATCH);
  let waiting = 0;
  const flush = () => {
    // Taken first: should an observation throw, none is counted twice and the arrays never overrun.
    const n = waiting;
    waiting = 0;
    for (let i = 0; i < n; i++) latency.observe({ method: methods[i]!, route: routes[i]!, status: statuses[i]! }, seconds[i]!);
  };
  const latency = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by method, route and status (its _count: requests)",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
    collect: flush,
  });
  /** Records one finished request, by the route pattern the router matched. */
  const record = (ctx: Context, s: number): void => {
    methods[waiting] = ctx.method;
    routes[waiting] = (ctx as { _matchedRoute?: string })._matchedRoute ?? "unmatched";
    statuses[waiting] = ctx.status;
    seconds[waiting] = s;
    if (++waiting >= METRICS_BATCH) flush();
  };
  return { registry, record };
}
