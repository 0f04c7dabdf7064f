/**
 * A small closed-loop load for fault tests: `workers` loops each send one request after the
 * other until stopped, recording status, time taken and when it was sent, so a test can say
 * what happened before, during and after an outage.
 */
export interface Sent {
  worker: number;
  kind: string;
  startedAt: number;
  ms: number;
  status: number;
  retryAfter: string | null;
  body: unknown;
}

export interface LoadRequest {
  kind: string;
  url: string;
  init: RequestInit;
}

export function startLoad(workers: number, next: (worker: number, n: number) => LoadRequest, opts: { timeoutMs?: number; pauseMs?: number } = {}) {
  const sent: Sent[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let n = 0; running; n++) {
      const r = next(worker, n);
      const startedAt = Date.now();
      let status = 0;
      let retryAfter: string | null = null;
      let body: unknown = null;
      try {
        // A client that gives up well after the bound: a stall shows up as a long `ms`.
        const res = await fetch(r.url, { ...r.init, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
        status = res.status;
        retryAfter = res.headers.get("retry-after");
        const text = await res.text();
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      } catch (e) {
        body = String(e);
      }
      sent.push({ worker, kind: r.kind, startedAt, ms: Date.now() - startedAt, status, retryAfter, body });
      await new Promise((res) => setTimeout(res, opts.pauseMs ?? 20));
    }
  });
  return {
    sent,
    async stop(): Promise<Sent[]> {
      running = false;
      await Promise.all(loops);
      return sent;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Status counts per kind, for failure messages and the report: { open311: { 201: 40, 503: 3 } }. */
export function tally(sent: Sent[]): Record<string, Record<number, number>> {
  const out: Record<string, Record<number, number>> = {};
  for (const s of sent) {
    const k = (out[s.kind] ??= {});
    k[s.status] = (k[s.status] ?? 0) + 1;
  }
  return out;
}

/** An Open311 complaint from worker `worker`, its `n`th (idempotency key unique per pair). */
export const open311Complaint = (baseUrl: string, apiKey: string, worker: number, n: number): LoadRequest => ({
  kind: "open311",
  url: `${baseUrl}/open311/v2/requests.json`,
  init: {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "idempotency-key": `w${worker}-${n}` },
    body: new URLSearchParams({ api_key: apiKey, service_code: "QH-005", description: `河道有人倾倒垃圾，第${worker}-${n}次反映`, address_string: "西宁市城西区" }),
  },
});

/** A mini-program complaint of the citizen holding `token`, the `n`th of the run. */
export const miniProgramComplaint = (baseUrl: string, token: string, n: number): LoadRequest => ({
  kind: "miniprogram",
  url: `${baseUrl}/api/v1/mp/complaints`,
  init: {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": `mp-${n}` },
    body: JSON.stringify({ text: `小区门口的路灯坏了很久，第${n}次反映` }),
  },
});
