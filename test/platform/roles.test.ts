import { describe, expect, it } from "vitest";
import { serversUp } from "../support/servers";
import type { Capability } from "../../src/platform/capability";
import { defineJob } from "../../src/platform/queue";
import { startTestService } from "../support/service";

/** ROLE splits the process: web serves HTTP and enqueues; worker runs jobs and serves nothing. */
function probe(runs: string[]): Capability {
  return {
    name: "probe",
    jobs: () => [defineJob<{ n: number }>({ name: "probe.job", handler: async (p) => void runs.push(`job ${p.n}`) })] as never[],
    routes(router, ctx) {
      router.post("/probe", async (c) => {
        await ctx.queue.enqueue("probe.job", { n: 1 });
        c.body = { queued: true };
      });
    },
  };
}

describe("process roles", () => {
  it("ROLE=worker runs jobs and opens no HTTP port", async () => {
    const runs: string[] = [];
    const svc = await startTestService({ env: { ROLE: "worker" }, capabilities: [probe(runs)] });
    try {
      expect(svc.url).toBeUndefined();
      await svc.ctx.queue.enqueue("probe.job", { n: 2 });
      await svc.ctx.queue.drain(5000);
      expect(runs).toEqual(["job 2"]);
    } finally {
      await svc.stop();
    }
  });

  it.runIf(serversUp("redis"))("ROLE=web serves HTTP and leaves jobs to the workers (shared through Redis)", async () => {
    const webRuns: string[] = [];
    const workerRuns: string[] = [];
    const prefix = `zwrole${Date.now() % 100000}`;
    const web = await startTestService({ redis: true, env: { ROLE: "web", REDIS_PREFIX: prefix }, capabilities: [probe(webRuns)] });
    const worker = await startTestService({ redis: true, env: { ROLE: "worker", REDIS_PREFIX: prefix }, capabilities: [probe(workerRuns)] });
    try {
      const r = await fetch(`${web.url}/probe`, { method: "POST" });
      expect(r.status).toBe(200);
      await worker.ctx.queue.drain(5000);
      const until = Date.now() + 5000;
      while (workerRuns.length === 0 && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
      expect(workerRuns).toEqual(["job 1"]);
      expect(webRuns).toEqual([]);
    } finally {
      await web.stop();
      await worker.stop();
    }
  });
});
