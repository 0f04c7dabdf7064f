import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Koa from "koa";
import Router from "@koa/router";
import { segmentRoutes } from "../../src/http/segment-routes";

/**
 * The routes dispatched by first path segment behave as @koa/router's own: params, HEAD,
 * 405/OPTIONS/501, case-insensitive matching, registration order, non-literal routes, 404.
 */
describe("segment routes", () => {
  let server: http.Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    const router = new Router();
    router.get("/api/v1/items/:code", (c) => void (c.body = { item: c.params.code, route: c._matchedRoute }));
    router.post("/api/v1/items", (c) => void (c.body = { created: true }));
    // Registered first, so it runs first and hands on to the next matching route.
    router.get("/api/v1/things/special", async (c, next) => {
      seen.push("special");
      await next();
    });
    router.get("/api/v1/things/:id", (c) => void (c.body = { thing: c.params.id, seen: [...seen] }));
    router.get("/wechat", (c) => void (c.body = "verify"));
    router.post("/wechat", (c) => void (c.body = "message"));
    router.get("/open311/v2/services/:code.json", (c) => void (c.body = { code: c.params.code }));
    router.get("/healthz", (c) => void (c.body = { ok: true }));
    // A route whose first segment is a parameter is tried for every path, after the literal groups' routes.
    router.get("/:page.html", (c) => void (c.body = { page: c.params.page }));
    const app = new Koa();
    app.use(async (c, next) => {
      await next();
      if (c.status === 404 && c.body === undefined) {
        c.status = 404;
        c.body = { error: "not_found" };
      }
    });
    app.use(segmentRoutes(router));
    server = http.createServer(app.callback());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("routes each path to its route, with params and the matched pattern", async () => {
    expect(await (await fetch(`${url}/api/v1/items/QH-001`)).json()).toEqual({ item: "QH-001", route: "/api/v1/items/:code" });
    expect(await (await fetch(`${url}/api/v1/items`, { method: "POST" })).json()).toEqual({ created: true });
    expect(await (await fetch(`${url}/wechat?signature=x`)).text()).toBe("verify");
    expect(await (await fetch(`${url}/wechat`, { method: "POST" })).text()).toBe("message");
    expect(await (await fetch(`${url}/open311/v2/services/A1.json`)).json()).toEqual({ code: "A1" });
    expect(await (await fetch(`${url}/healthz/`)).json()).toEqual({ ok: true });
  });

  it("keeps the registration order inside a group (a route handing on to the next)", async () => {
    expect(await (await fetch(`${url}/api/v1/things/special`)).json()).toEqual({ thing: "special", seen: ["special"] });
  });

  it("matches case-insensitively, as the router does", async () => {
    expect(await (await fetch(`${url}/WeChat`, { method: "POST" })).text()).toBe("message");
    expect(await (await fetch(`${url}/API/v1/items/x`)).json()).toMatchObject({ item: "x" });
  });

  it("answers HEAD for GET routes, and 405 with Allow, OPTIONS and 501 as allowedMethods() does", async () => {
    const head = await fetch(`${url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    const wrong = await fetch(`${url}/api/v1/items`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    const options = await fetch(`${url}/wechat`, { method: "OPTIONS" });
    expect(options.status).toBe(200);
    expect(options.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "POST"]);
    const unknownVerb = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/wechat`, { method: "PROPFIND" }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on("error", reject);
      req.end();
    });
    expect(unknownVerb).toBe(501);
    // …on a path no route group holds too, as the router answered before the split.
    const elsewhere = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${url}/nowhere`, { method: "PROPFIND" }, (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on("error", reject);
      req.end();
    });
    expect(elsewhere).toBe(501);
  });

  it("tries a route with a parameter first segment for any path, and leaves unknown paths to 404", async () => {
    expect(await (await fetch(`${url}/about.html`)).json()).toEqual({ page: "about" });
    const missing = await fetch(`${url}/nowhere/at/all`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found" });
    expect((await fetch(`${url}/api/v2/unknown`)).status).toBe(404);
  });
});
