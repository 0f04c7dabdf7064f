import type { Context } from "koa";
import { describe, expect, it } from "vitest";
import { METRICS_BATCH, createMetrics } from "../../src/http/metrics";

const ctx = (method: string, status: number, route?: string) => ({ method, status, ...(route ? { _matchedRoute: route } : {}) }) as unknown as Context;
const series = async (registry: ReturnType<typeof createMetrics>["registry"], suffix: string, labels: string) => {
  const line = (await registry.metrics()).split("\n").find((l) => l.startsWith(`http_request_duration_seconds_${suffix}{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
};

describe("request metrics", () => {
  it("counts every request exactly, however many wait for the next batch", async () => {
    const { registry, record } = createMetrics();
    const n = 2 * METRICS_BATCH + 3; // two full batches handed over while recording, three by the scrape
    for (let i = 0; i < n; i++) record(ctx("POST", 200, "/wechat"), i % 2 ? 0.0004 : 0.003);
    record(ctx("GET", 404), 0.0001);
    const wechat = 'method="POST",route="/wechat",status="200"';
    expect(await series(registry, "count", wechat)).toBe(n);
    expect(await series(registry, "bucket", `le="0.001",${wechat}`)).toBe(Math.floor(n / 2));
    expect(await series(registry, "bucket", `le="0.005",${wechat}`)).toBe(n);
    expect(await series(registry, "sum", wechat)).toBeCloseTo(Math.floor(n / 2) * 0.0004 + Math.ceil(n / 2) * 0.003, 6);
    expect(await series(registry, "count", 'method="GET",route="unmatched",status="404"')).toBe(1);
    // A second scrape sees the same totals: nothing is counted twice.
    expect(await series(registry, "count", wechat)).toBe(n);
  });
});
