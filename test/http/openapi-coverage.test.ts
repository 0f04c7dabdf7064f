import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service";

/**
 * Routes /openapi.json leaves out on purpose, each with its reason. Everything else the app's
 * router answers must be in the document.
 */
const EXCLUDED: Record<string, string> = {
  // None today: pages, WeChat, webhooks, images and Open311 are all described (by documentRoute).
};

const toOpenApi = (path: string) => path.replace(/:(\w+)/g, "{$1}");

/** /openapi.json describes every route of the real app (all shipped capabilities, every integration configured). */
describe("/openapi.json covers the app's routes", () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      db: "pglite",
      env: {
        ADMIN_TOKEN: "t",
        LOG_LEVEL: "warn",
        WECHAT_TOKEN: "tok",
        WECHAT_APPID: "wx0000000000000000",
        WECHAT_APPSECRET: "s",
        MP_APPID: "wx1111111111111111",
        MP_APPSECRET: "s",
        TWELVE345_URL: "http://127.0.0.1:9/12345",
        TWELVE345_SECRET: "secret",
        INTEGRATION_SECRETS: "approval:abcdefabcdefabcdef",
      },
    });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it("lists every method and path the router answers, except the documented exclusions", async () => {
    const doc = (await (await fetch(`${svc.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(svc.routes.length).toBeGreaterThan(80);
    const missing = svc.routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !(key in EXCLUDED))
      .filter((key) => {
        const [method, path] = key.split(" ") as [string, string];
        return !doc.paths[toOpenApi(path)]?.[method.toLowerCase()];
      });
    expect(missing).toEqual([]);
    // Not JSON where the route is not: pages as text/html, WeChat and Open311's XML as text/xml.
    const types = (path: string, method: string) => Object.keys((doc.paths[path]?.[method] as any)?.responses?.["200"]?.content ?? {});
    expect(types("/guides/{code}", "get")).toEqual(["text/html"]);
    expect(types("/complaints/rate/{ticketNo}", "post")).toEqual(["text/html"]);
    expect(types("/wechat", "post")).toEqual(["text/xml", "text/plain"]);
    expect(types("/open311/v2/services/{code}.xml", "get")).toEqual(["text/xml"]);
    expect(types("/open311/discovery.json", "get")).toEqual(["application/json"]);
    expect(types("/api/v1/integrations/12345/callbacks", "post")).toEqual(["application/json"]);
    // The exclusions name real routes (a stale entry would hide nothing and mislead).
    for (const key of Object.keys(EXCLUDED)) expect(svc.routes.map((r) => `${r.method} ${r.path}`)).toContain(key);
  });
});
