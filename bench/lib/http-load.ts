/**
 * The benchmarks' HTTP load generator, run in a worker thread of its own: WeChat's servers are
 * not in our process, and a client sharing the server's event loop and heap would charge each
 * server for the client's parsing and garbage too (and its timers would wait on the server).
 *
 * Worker side: answers `{ id, url, reqs, concurrency }` (closed loop) or `{ id, url, reqs, rate }`
 * (open loop) with `{ id, result }`. Main side: `startLoadWorker()`.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { Worker, isMainThread, parentPort } from "node:worker_threads";

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

/** Closed loop: `concurrency` clients, each sending its next message when the last answered. */
async function closedLoop(url: string, reqs: Req[], concurrency: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const tally: LoadResult = { latencies: [], errors: 0, ms: 0 };
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < reqs.length) await send(url, agent, reqs[next++]!, tally);
    }),
  );
  tally.ms = performance.now() - start;
  agent.destroy();
  return tally;
}

/**
 * Open loop: requests leave at a fixed rate whether or not earlier ones have answered, as
 * WeChat's servers send them. Latency then includes any queueing the server causes — the
 * honest number for "p99 at this load".
 */
async function openLoop(url: string, reqs: Req[], ratePerSec: number): Promise<LoadResult> {
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

type Work = { url: string; reqs: Req[] } & ({ concurrency: number } | { rate: number });
type Job = Work & { id: number };

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", (job: Job) => {
    const run = "rate" in job ? openLoop(job.url, job.reqs, job.rate) : closedLoop(job.url, job.reqs, job.concurrency);
    void run.then((result) => port.postMessage({ id: job.id, result }));
  });
}

export interface LoadWorker {
  closedLoop(url: string, reqs: Req[], concurrency: number): Promise<LoadResult>;
  openLoop(url: string, reqs: Req[], ratePerSec: number): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** Starts the load generator (this module, bundled: `file`) in a worker thread. */
export function startLoadWorker(file: string | URL): LoadWorker {
  const worker = new Worker(file);
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  worker.on("message", (m: { id: number; result: LoadResult }) => {
    pending.get(m.id)?.resolve(m.result);
    pending.delete(m.id);
  });
  worker.on("error", (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  const ask = (job: Work) =>
    new Promise<LoadResult>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  return {
    closedLoop: (url, reqs, concurrency) => ask({ url, reqs, concurrency }),
    openLoop: (url, reqs, rate) => ask({ url, reqs, rate }),
    stop: async () => void (await worker.terminate()),
  };
}
