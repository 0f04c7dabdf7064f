/**
 * The benchmarks' HTTP load generator: signed POSTs in a closed loop (N clients, each sending
 * its next message when the last is answered) or an open loop (a fixed rate). It runs in the
 * benchmark's own process and the servers in theirs, as WeChat's servers are not in ours.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export type Req = { path: string; body: string };
export interface LoadResult {
  latencies: number[];
  errors: number;
  /** Wall time of the whole batch (ms). */
  ms: number;
}

/** One signed POST; its latency is recorded, and a non-200 or non-XML answer counts as an error. */
function send(url: string, agent: http.Agent, r: Req, tally: LoadResult): Promise<void> {
  return new Promise<void>((resolve) => {
    const t0 = performance.now();
    const req = http.request(`${url}${r.path}`, { method: "POST", agent, headers: { "content-type": "text/xml", "content-length": Buffer.byteLength(r.body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => {
        tally.latencies.push(performance.now() - t0);
        if (res.statusCode !== 200 || !text.includes("<xml>")) tally.errors++;
        resolve();
      });
    });
    req.on("error", () => (tally.errors++, resolve()));
    req.end(r.body);
  });
}

/**
 * Keep-alive connections per server, kept from one batch to the next as WeChat's servers keep
 * theirs: a batch then measures messages, not connection setup.
 */
const agents = new Map<string, http.Agent>();
const agentFor = (url: string, concurrency: number) => {
  let agent = agents.get(url);
  if (!agent) agents.set(url, (agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })));
  return agent;
};

/** Closed loop: `concurrency` clients, each sending its next message when the last answered. */
export async function closedLoop(url: string, reqs: Req[], concurrency: number): Promise<LoadResult> {
  const agent = agentFor(url, concurrency);
  const tally: LoadResult = { latencies: [], errors: 0, ms: 0 };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < reqs.length) await send(url, agent, reqs[next++]!, tally);
    }),
  );
  tally.ms = performance.now() - start;
  return tally;
}

/**
 * Open loop: requests leave at a fixed rate whether or not earlier ones have answered, as
 * WeChat's servers send them. Latency then includes any queueing the server causes — the
 * honest number for "p99 at this load".
 */
export async function openLoop(url: string, reqs: Req[], ratePerSec: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const tally: LoadResult = { latencies: [], errors: 0, ms: 0 };
  const start = performance.now();
  await Promise.all(
    reqs.map(
      (r, i) =>
        new Promise<void>((resolve) => {
          const due = start + (i * 1000) / ratePerSec;
          setTimeout(() => void send(url, agent, r, tally).then(resolve), Math.max(0, due - performance.now()));
        }),
    ),
  );
  tally.ms = performance.now() - start;
  agent.destroy();
  return tally;
}

/** Closes the kept connections to `url` (before its server goes away). */
export function forget(url: string): void {
  agents.get(url)?.destroy();
  agents.delete(url);
}
