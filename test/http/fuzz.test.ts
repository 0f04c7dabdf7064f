import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { SERVICE_CODES } from "../../src/complaints/open311/service-codes";
import { startFake12345 } from "../complaints/fake-12345";
import { testDbKinds } from "../support/db";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { startTestService, type TestService } from "../support/service";
import { testStoreKinds } from "../support/store";
import { wechatEnv } from "../wechat/helpers";
import { PROTOTYPE_KEYS, SESSION_REF, multipartComplaint, open311Request, operationRequest, operationsOf, pageRequest, webhookRequest, wechatRequest, type FuzzRequest, type Known } from "./fuzz-requests";

/**
 * Hostile input against one real service (issue 16, "make it hold"): requests generated from
 * the service's own /openapi.json (every JSON route: path parameters, query, bodies; admin
 * routes with and without the token), the WeChat callback (signed and not, safe mode and
 * plaintext, any XML), the signed integration webhooks, Open311 (JSON and XML, GET and POST,
 * forms and JSON) and the HTML pages — with NUL, lone surrogates, invalid UTF-8, prototype
 * keys, huge and deeply nested bodies, wrong content types and encodings.
 *
 * The property, for every request: never a 5xx, never a hang (answered within
 * REQUEST_TIMEOUT_MS), the process never crashes, Object.prototype is never touched, and a
 * 4xx comes in the shape of its route (`{ error: { code, message } }`; Open311's own error
 * list; WeChat's plain-text reason; an HTML page for HTML pages).
 *
 * Two answers are not the app's own and pass: Node's HTTP parser refusing a request head over
 * 16 KB (a bare 431/400), and the router's 405/501 for a method the path does not have (plain
 * "Method Not Allowed" with Allow — not yet in the error shape).
 *
 * The service runs as production does on PostgreSQL + Redis (a database and key prefix of its
 * own; PGlite and in-process stores when TEST_DB_KINDS/TEST_STORE_KINDS leave them out), with
 * the shipped guides, WeChat in safe mode and the mini-program against the fake WeChat server,
 * INTEGRATION_SECRETS and a 12345 platform (fake). A second, small service is the WeChat
 * account in plaintext mode, which safe mode refuses.
 *
 * Seeded: FUZZ_SEED (default a fixed one, printed with any failure) and FUZZ_RUNS (requests;
 * default bounded so the file takes well under a minute on a quiet machine): `FUZZ_RUNS=20000
 * FUZZ_SEED=7 npx vitest run test/http/fuzz.test.ts`. Requests go out in chunks of CHUNK, each
 * generated from (seed, chunk index), CONCURRENCY at a time; every failure is collected and
 * reported at once, with the request, the answer and the service's log lines for it.
 * FUZZ_VERBOSE=1 prints the statuses per route; FUZZ_TRACE=<file> writes one line per request.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 16_016);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const CHUNK = 50;
const CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 20_000);
const ADMIN_TOKEN = "fuzz-admin-token-0123456789";
const INTEGRATION = { id: "upstream", secret: "fuzz-integration-secret" };
const TWELVE345_SECRET = "fuzz-12345-secret";

const HOT = new Set(["/api/v1/ask", "/api/v1/search", "/api/v1/items", "/api/v1/items/{code}", "/api/v1/mp/login", "/api/v1/mp/complaints", "/api/v1/mp/complaints/{ticketNo}/rating", "/api/v1/mp/phone", "/api/v1/mp/subscriptions"]);
const root = path.resolve(import.meta.dirname, "../..");

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** Sends the request exactly as generated (raw path bytes, any headers); rejects on timeout. */
async function send(base: string, req: FuzzRequest, requestId: string, sessions: string[]): Promise<Answer> {
  const r = { ...req, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, v.replace(SESSION_REF, (_, i: string) => sessions[Number(i)] ?? "none")])) };
  try {
    return await sendOnce(base, r, requestId, agent);
  } catch (e) {
    // A kept-alive socket the server closed as it was reused (an idle timeout race): once more, on a new one.
    if ((e as { code?: string }).code !== "ECONNRESET") throw e;
    return sendOnce(base, r, requestId, false);
  }
}

function sendOnce(base: string, r: FuzzRequest, requestId: string, agent: http.Agent | false): Promise<Answer> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      { host: u.hostname, port: u.port, method: r.method, path: r.path, agent, headers: { ...r.headers, "x-request-id": requestId } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
        res.on("error", reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms (hang)`)));
    req.on("error", reject);
    req.end(r.body);
  });
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** What is wrong with this answer, or undefined. */
function problemWith(r: FuzzRequest, a: Answer): string | undefined {
  if (a.status >= 500) return `${a.status} answer`;
  const pathOnly = r.path.split("?")[0]!;
  // The one prototype lookup the issue names that answers 2xx instead of 404.
  const proto = /^\/open311\/v2\/services\/([^/.]+)\.(json|xml)$/i.exec(pathOnly);
  if (proto && PROTOTYPE_KEYS.includes(safeDecode(proto[1]!)) && a.status < 300) return `${a.status} for a prototype key as a service code (expected 404)`;
  if (a.status < 400 || r.method === "HEAD") return undefined;
  const text = a.body.toString("utf8");
  const type = String(a.headers["content-type"] ?? "");
  // Refused by Node's HTTP parser before the app (headers too large, malformed request line):
  // a bare status line, without even a Date header.
  if ((a.status === 431 || a.status === 400) && a.body.length === 0 && a.headers.date === undefined) return undefined;
  // The router's own answers to a method the path does not have (Allow lists the right ones).
  if ((a.status === 405 && a.headers.allow !== undefined) || a.status === 501) return undefined;
  if (/^\/wechat(\/|$)/i.test(pathOnly) && type.startsWith("text/plain") && text.length > 0) return undefined;
  if (/^\/open311\//i.test(pathOnly)) {
    if (type.includes("xml") && /<errors><error><code>\d{3}<\/code><description>[^<]*<\/description><\/error><\/errors>/.test(text)) return undefined;
    try {
      const j = JSON.parse(text) as unknown;
      if (Array.isArray(j) && j.length > 0 && j.every((e) => typeof e?.code === "number" && typeof e?.description === "string")) return undefined;
    } catch {
      /* checked below as the service's shape */
    }
  }
  // The H5 pages and the staff console's pages (documented as text/html) answer a browser with
  // a page, refusals included.
  if (/^\/(guides|complaints|applications|admin)(\/|$)|^\/auth\/wechat\/callback$/i.test(pathOnly) && type.startsWith("text/html") && text.includes("<html")) return undefined;
  try {
    const j = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof j?.error?.code === "string" && typeof j.error.message === "string") return undefined;
  } catch {
    /* not JSON */
  }
  return `${a.status} without the error shape (content-type ${type || "none"})`;
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

describe("fuzz: hostile input never gets a 5xx, a hang or a crash", () => {
  let svc: TestService;
  /** The WeChat endpoint of an account in plaintext mode (safe mode refuses plaintext callbacks). */
  let plainSvc: TestService;
  let fake: FakeWechat;
  let fake12345: Awaited<ReturnType<typeof startFake12345>>;
  let known: Known;
  let doc: { paths: Record<string, Record<string, Record<string, any>>> };

  beforeAll(async () => {
    fake = await startFakeWechat({ autoLogin: true });
    fake12345 = await startFake12345(TWELVE345_SECRET);
    const onServers = testDbKinds().includes("postgres") && testStoreKinds().includes("redis");
    svc = await startTestService({
      db: onServers ? "postgres" : "pglite",
      redis: onServers,
      env: {
        ...wechatEnv("aes", fake.url),
        LOG_LEVEL: "info",
        WECHAT_TEMPLATE_COMPLAINT: "tmpl-complaint",
        WECHAT_TEMPLATE_APPLICATION: "tmpl-application",
        MP_APPID: "wxmp-fuzz",
        MP_APPSECRET: "mp-secret",
        MP_API_BASE: fake.url,
        MP_SUBSCRIBE_TEMPLATE_APPLICATION: "tpl-mp-application",
        MP_SUBSCRIBE_TEMPLATE_COMPLAINT: "tpl-mp-complaint",
        ADMIN_TOKEN,
        INTEGRATION_SECRETS: `${INTEGRATION.id}:${INTEGRATION.secret}`,
        TWELVE345_URL: fake12345.url,
        TWELVE345_SECRET,
        AUTO_IMPORT_GUIDES: "true",
        GUIDES_DIR: path.join(root, "guides"),
        SEARCH_WARMUP_QUERIES: "0",
      },
    });
    // A second, small service: the same endpoint for an account in plaintext mode (no catalog).
    plainSvc = await startTestService({ env: { ...wechatEnv("plain", fake.url), LOG_LEVEL: "info", SEARCH_WARMUP_QUERIES: "0" } });
    const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(svc.url + p, {
        method,
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
    };
    doc = (await call("GET", "/openapi.json")).body;
    const items = (await call("GET", "/api/v1/items?pageSize=50")).body?.items ?? [];
    const open311Key = (await call("POST", "/api/v1/admin/open311/keys", { name: "fuzz" })).body?.key as string;
    const sessionTokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call("POST", "/api/v1/mp/login", { code: `fuzz-${i}` }, { authorization: "" });
      if (r.body?.token) sessionTokens.push(r.body.token);
    }
    const ticketNos: string[] = [];
    const complaintIds: string[] = [];
    for (const code of Object.keys(SERVICE_CODES).slice(0, 2)) {
      const form = new URLSearchParams({ api_key: open311Key, service_code: code, description: "小区门口的路灯坏了一个月了，晚上很黑", address_string: "西宁市城西区五四西路" });
      const r = await call("POST", "/open311/v2/requests.json", form.toString(), { "content-type": "application/x-www-form-urlencoded" });
      if (r.body?.[0]?.service_request_id) {
        ticketNos.push(r.body[0].service_request_id);
        // A realtime POST answers with the id only; the ticket's uuid (tokens/{token}) comes from the staff view.
        const staff = await call("GET", `/api/v1/admin/complaints/${r.body[0].service_request_id}`);
        if (staff.body?.id) complaintIds.push(staff.body.id);
      }
    }
    const mp = await call("POST", "/api/v1/mp/complaints", { text: "单位拖欠工资三个月了，请帮忙处理", address: "西宁市城东区" }, { authorization: `Bearer ${sessionTokens[0]}` });
    if (mp.body?.ticketNo) ticketNos.push(mp.body.ticketNo);
    const applicationNumbers: string[] = [];
    const app = await call("POST", "/api/v1/admin/applications", { itemCode: items[0]?.code, applicant: { name: "张三丰", idNumber: "630102199001011234", phone: "13912345678" } });
    if (app.body?.number) applicationNumbers.push(app.body.number);
    known = {
      adminToken: ADMIN_TOKEN,
      sessionTokens,
      itemCodes: items.map((i: { code: string }) => i.code),
      ticketNos,
      complaintIds,
      applicationNumbers,
      open311Key,
      integration: INTEGRATION,
      twelve345Secret: TWELVE345_SECRET,
      serviceCodes: Object.keys(SERVICE_CODES),
    };
    // The set-up itself must have worked, or the fuzzing would only ever see 404s and 401s.
    expect({ items: known.itemCodes.length > 10, key: !!open311Key, sessions: sessionTokens.length, tickets: ticketNos.length, applications: applicationNumbers.length }).toEqual({
      items: true,
      key: true,
      sessions: 4,
      tickets: 3,
      applications: 1,
    });
  }, 180_000);

  /** Sessions a fuzzed logout revoked (or a limit used up) are replaced by new logins, so session routes keep being reached. */
  let logins = 0;
  async function renewSessions(): Promise<void> {
    for (let i = 0; i < known.sessionTokens.length; i++) {
      const me = await fetch(`${svc.url}/api/v1/mp/session`, { headers: { authorization: `Bearer ${known.sessionTokens[i]}` } });
      if (me.status === 200) continue;
      const r = await fetch(`${svc.url}/api/v1/mp/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: `fuzz-${i}-${++logins}` }) });
      const token = ((await r.json().catch(() => ({}))) as { token?: string }).token;
      if (token) known.sessionTokens[i] = token;
    }
  }

  afterAll(async () => {
    agent.destroy();
    await svc?.stop();
    await plainSvc?.stop();
    await fake?.close();
    await fake12345?.close();
  });

  it(
    `every route, ${RUNS} requests (FUZZ_RUNS), seed ${SEED} (FUZZ_SEED)`,
    async () => {
      const ops = operationsOf(doc);
      expect(ops.length).toBeGreaterThan(50);
      const anyRequest = fc.oneof(
        // Every operation; the public ones citizens and the mini-program call most, more often.
        { weight: 10, arbitrary: fc.oneof(...ops.map((op) => ({ weight: HOT.has(op.path) ? 5 : 1, arbitrary: operationRequest(op, known) }))) },
        { weight: 3, arbitrary: wechatRequest },
        { weight: 2, arbitrary: webhookRequest(known) },
        { weight: 3, arbitrary: open311Request(known) },
        { weight: 2, arbitrary: pageRequest(known) },
        { weight: 1, arbitrary: multipartComplaint(known) },
      );
      const failures: string[] = [];
      const byTarget = new Map<string, { n: number; statuses: Map<number, number> }>();
      const trace: string[] = [];
      let sent = 0;
      const t0 = Date.now();
      for (let chunk = 0; sent < RUNS; chunk++) {
        const batch = fc.sample(anyRequest, { seed: SEED + chunk, numRuns: Math.min(CHUNK, RUNS - sent) });
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < batch.length) {
              const i = next++;
              const r = batch[i]!;
              const id = `fz-${chunk}-${i}`;
              let problem: string | undefined;
              let answer: Answer | undefined;
              try {
                answer = await send((r.plainService ? plainSvc : svc).url, r, id, known.sessionTokens);
                problem = problemWith(r, answer);
              } catch (e) {
                // Node's HTTP parser refuses a request head over 16 KB and closes the socket, maybe while we still write.
                const head = r.path.length + JSON.stringify(r.headers).length;
                const code = (e as { code?: string }).code;
                if (!(head > 16_000 && (code === "ECONNRESET" || code === "EPIPE"))) problem = (e as Error).message;
              }
              if (process.env.FUZZ_TRACE) trace.push(`${id} ${answer?.status ?? "---"} ${r.target} ${clip(JSON.stringify(r.path), 120)} ${answer ? clip(answer.body.toString("utf8"), 160) : problem}`);
              const t = byTarget.get(r.target) ?? { n: 0, statuses: new Map() };
              t.n++;
              if (answer) t.statuses.set(answer.status, (t.statuses.get(answer.status) ?? 0) + 1);
              byTarget.set(r.target, t);
              if (problem) {
                const logs = (r.plainService ? plainSvc : svc).logs.filter((l) => l.reqId === id && Number(l.level) >= 40).map((l) => clip(`${l.msg} ${JSON.stringify((l.err as { message?: string })?.message ?? l.why ?? l.reason ?? "")}`, 400));
                failures.push(
                  [
                    `${problem} — ${r.target} [FUZZ_SEED=${SEED} chunk ${chunk} #${i}]`,
                    `  request:  ${r.method} ${clip(JSON.stringify(r.path))}`,
                    `  headers:  ${JSON.stringify(r.headers)}`,
                    r.body ? `  body:     ${clip(JSON.stringify(r.body.toString("latin1")))}` : "",
                    answer ? `  response: ${answer.status} ${answer.headers["content-type"] ?? ""} ${clip(answer.body.toString("utf8"))}` : "",
                    ...logs.map((l) => `  log:      ${l}`),
                  ]
                    .filter(Boolean)
                    .join("\n"),
                );
              }
            }
          }),
        );
        sent += batch.length;
        await renewSessions();
        // The service must never have written to Object.prototype (it runs in this process).
        expect(Object.prototype).not.toHaveProperty("polluted");
        expect(Object.prototype).not.toHaveProperty("admin");
      }
      // Still alive and well after all of it.
      for (const s of [svc, plainSvc]) expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (process.env.FUZZ_VERBOSE) {
        for (const [target, t] of [...byTarget].sort()) console.log(`${String(t.n).padStart(5)}  ${target}  ${[...t.statuses].map(([s, n]) => `${s}×${n}`).join(" ")}`);
      }
      if (process.env.FUZZ_TRACE) (await import("node:fs")).writeFileSync(process.env.FUZZ_TRACE, trace.join("\n"));
      console.log(`fuzz: ${sent} requests in ${seconds} s over ${byTarget.size} targets, ${failures.length} failing (FUZZ_SEED=${SEED})`);
      expect(failures, `${failures.length} of ${sent} requests failed (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})\n${failures.join("\n")}`).toEqual([]);
    },
    600_000,
  );
});
