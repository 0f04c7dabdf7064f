import { postWithin } from "./child-service";

/**
 * Fault tests' load: a stream of Open311 complaint POSTs (each with a description of its own),
 * recording every answer, so that a test can check after a crash or a race that each request
 * that got a 2xx is there, once, under the ticket number it was given.
 */
export interface Filed {
  /** Unique marker in the description. */
  tag: string;
  status: number;
  ticketNo?: string;
  /** Which instance answered (for two-instance tests). */
  via: string;
}

export async function createOpen311Key(url: string, adminToken: string): Promise<string> {
  const r = await postWithin(`${url}/api/v1/admin/open311/keys`, {
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name: `fault-test-${Date.now()}` }),
  });
  if (r.status !== 201) throw new Error(`creating an Open311 key: ${r.status} ${JSON.stringify(r.json)}`);
  return (r.json as { key: string }).key;
}

export async function fileOpen311(url: string, apiKey: string, tag: string, ms = 10_000): Promise<Filed> {
  const r = await postWithin(
    `${url}/open311/v2/requests.json`,
    {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        api_key: apiKey,
        service_code: "QH-007",
        description: `公交站牌被撞倒一直没人修 ${tag}`,
        address_string: "西宁市城中区",
      }).toString(),
    },
    ms,
  );
  const ticketNo = r.status >= 200 && r.status < 300 ? (r.json as { service_request_id?: string }[])[0]?.service_request_id : undefined;
  return { tag, status: r.status, ticketNo, via: url };
}

/**
 * `workers` loops filing one complaint after another against `urls` (round robin) until
 * `stop()`; `filed` holds every answer so far (status 0: no answer — refused or cut off).
 */
export function intakeStream(o: { urls: string[]; apiKey: string; workers: number; prefix: string }) {
  const filed: Filed[] = [];
  let stopped = false;
  let n = 0;
  const loops = Array.from({ length: o.workers }, async () => {
    while (!stopped) {
      const i = n++;
      const f = await fileOpen311(o.urls[i % o.urls.length]!, o.apiKey, `${o.prefix}-${i}`);
      filed.push(f);
      // A refused connection answers at once: do not spin while the service is down.
      if (f.status === 0) await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    filed,
    acked: () => filed.filter((f) => f.ticketNo),
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return filed;
    },
  };
}

export async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** GET each acknowledged ticket through Open311; the tickets that are not there (or not this request). */
export async function missingTickets(url: string, acked: Filed[]): Promise<string[]> {
  const missing: string[] = [];
  for (const f of acked) {
    const res = await fetch(`${url}/open311/v2/requests/${f.ticketNo}.json`);
    const body = res.status === 200 ? ((await res.json()) as { description?: string }[]) : [];
    if (!body[0]?.description?.includes(f.tag)) missing.push(`${f.ticketNo} (${f.tag}: ${res.status})`);
  }
  return missing;
}
