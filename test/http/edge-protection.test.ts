import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/platform/templates";
import { startTestService, type TestService } from "../support/service";
import { fixture, postWechat, wechatEnv } from "../wechat/helpers";

const SLOW_DOWN = t("wechat", "zh", "slow_down", { hotline: "12345" });

const ask = (svc: TestService, question: string, headers: Record<string, string> = {}) =>
  fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ question }) });

/** Sends `n` questions and returns the statuses in order. */
async function askTimes(svc: TestService, n: number, headers: (i: number) => Record<string, string> = () => ({})): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await ask(svc, "身份证换领要带什么", headers(i));
    statuses.push(r.status);
    await r.arrayBuffer();
  }
  return statuses;
}

/**
 * Issue 16, defects 9 and 10 and the edge rules: the client address is taken from
 * X-Forwarded-For only behind proxies TRUST_PROXY names; /api/v1/ask and /wechat have limits
 * a citizen never meets but a script does; /metrics is not public; pages carry security headers.
 */
describe("the service's edge, with default settings (no proxy trusted)", () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      env: { ...wechatEnv("plain"), CHAT_LIMIT_PER_IP_MINUTE: "5", CHAT_LIMIT_PER_USER_MINUTE: "4", HOTLINE: "12345", LOG_LEVEL: "warn" },
    });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it("counts a client that invents X-Forwarded-For addresses as the one client it is", async () => {
    const statuses = await askTimes(svc, 7, (i) => ({ "x-forwarded-for": `203.0.113.${i}` }));
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const r = await ask(svc, "驾照丢了咋补", { "x-forwarded-for": "198.51.100.7" });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await r.json()).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("answers a WeChat sender past the per-person pace politely, and others as usual", async () => {
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await postWechat(svc.url, fixture("text", { from: "o_script_1", content: "身份证换领要带什么" }), { mode: "plain" });
      expect(r.status).toBe(200);
      texts.push(r.reply?.Content ?? r.text);
    }
    expect(texts.slice(0, 4).every((x) => x !== SLOW_DOWN)).toBe(true);
    expect(texts.slice(4)).toEqual([SLOW_DOWN, SLOW_DOWN]);
    const other = await postWechat(svc.url, fixture("text", { from: "o_citizen_ok", content: "身份证换领要带什么" }), { mode: "plain" });
    expect(other.reply?.Content).not.toBe(SLOW_DOWN);
  });

  it("shows /metrics to a scraper on this machine, not to a request a proxy forwarded", async () => {
    const local = await fetch(`${svc.url}/metrics`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain("http_request");
    const forwarded = await fetch(`${svc.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(forwarded.status).toBe(404);
    expect(await forwarded.json()).toMatchObject({ error: { code: "route_not_found" } });
  });

  it("sends security headers and a Content-Security-Policy with pages, none with the WeChat callback", async () => {
    const page = await fetch(`${svc.url}/guides/NO-SUCH-ITEM`);
    await page.arrayBuffer();
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const script = await fetch(`${svc.url}/assets/print.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("window.print");
    const wechat = await postWechat(svc.url, fixture("text", { from: "o_headers", content: "你好" }), { mode: "plain" });
    expect(wechat.status).toBe(200);
    const raw = await fetch(`${svc.url}/wechat?signature=x&timestamp=1&nonce=1`, { method: "POST", body: "<xml/>" });
    await raw.arrayBuffer();
    expect(raw.headers.get("content-security-policy")).toBeNull();
  });
});

describe("the service's edge behind a trusted proxy", () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { TRUST_PROXY: "loopback", CHAT_LIMIT_PER_IP_MINUTE: "3", METRICS_TOKEN: "scrape-me", LOG_LEVEL: "warn" } });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it("counts each client address the proxy forwards on its own", async () => {
    const a = await askTimes(svc, 4, () => ({ "x-forwarded-for": "203.0.113.1" }));
    expect(a).toEqual([200, 200, 200, 429]);
    const b = await askTimes(svc, 3, () => ({ "x-forwarded-for": "203.0.113.2" }));
    expect(b).toEqual([200, 200, 200]);
    // A client-written hop before the proxy's own is not believed past the trusted proxy.
    const c = await askTimes(svc, 1, () => ({ "x-forwarded-for": "10.9.9.9, 203.0.113.1" }));
    expect(c).toEqual([429]);
  });

  it("shows /metrics only with METRICS_TOKEN when one is set", async () => {
    expect((await fetch(`${svc.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${svc.url}/metrics`, { headers: { authorization: "Bearer wrong-token" } })).status).toBe(404);
    const ok = await fetch(`${svc.url}/metrics`, { headers: { authorization: "Bearer scrape-me" } });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
  });
});

describe("TRUST_PROXY as a hop count", () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { TRUST_PROXY: "1", CHAT_LIMIT_PER_IP_MINUTE: "2", LOG_LEVEL: "warn" } });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it("takes the address the one trusted hop saw", async () => {
    expect(await askTimes(svc, 3, () => ({ "x-forwarded-for": "198.51.100.1, 203.0.113.5" }))).toEqual([200, 200, 429]);
    // Whatever the client wrote before it, the nearest hop's address decides.
    expect(await askTimes(svc, 1, () => ({ "x-forwarded-for": "198.51.100.99, 203.0.113.5" }))).toEqual([429]);
    expect(await askTimes(svc, 1, () => ({ "x-forwarded-for": "203.0.113.6" }))).toEqual([200]);
  });
});
