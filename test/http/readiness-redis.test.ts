import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import { startTestService, type TestService } from "../support/service";
import { redisServerBin } from "../support/throwaway-servers";

/**
 * /readyz must follow Redis: 503 within a few seconds of Redis going away, 200 again when it
 * is back. Uses a private redis-server on a free port so the shared one is never stopped.
 */
describe.runIf(serversUp("redis-server"))("readiness follows Redis", () => {
  let redis: ChildProcess | undefined;
  let svc: TestService | undefined;
  afterAll(async () => {
    await svc?.stop();
    redis?.kill("SIGKILL");
  });

  it("turns 503 when Redis stops and 200 when it is back", async () => {
    const port = await freePort();
    redis = await startRedis(port);
    svc = await startTestService({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);

    redis.kill("SIGKILL");
    const downAt = Date.now();
    await until(async () => (await fetch(`${svc!.url}/readyz`)).status === 503, 8000);
    expect(Date.now() - downAt).toBeLessThan(8000);
    const body = (await (await fetch(`${svc.url}/readyz`)).json()) as { checks: { redis: { ok: boolean } } };
    expect(body.checks.redis.ok).toBe(false);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);

    redis = await startRedis(port);
    await until(async () => (await fetch(`${svc!.url}/readyz`)).status === 200, 10_000);
  });
});

async function startRedis(port: number): Promise<ChildProcess> {
  const p = spawn(redisServerBin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await until(() => canConnect(port), 5000);
  return p;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => { s.destroy(); resolve(true); });
    s.once("error", () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.once("error", reject);
  });
}

async function until(cond: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
