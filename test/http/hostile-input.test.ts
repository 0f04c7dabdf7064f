import crypto from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../src/miniprogram";
import { startTestService, type TestService } from "../support/service";
import { testDbKinds } from "../support/db";

const ADMIN_TOKEN = "test-admin-token-hostile";

/** Values that PostgreSQL cannot store in a text column (NUL) or that are not Unicode (a lone surrogate). */
const UNSTORABLE_SEGMENTS = ["%00", "abc%00", "%ED%A0%80", "%C0%80"];

/**
 * Issue 16, defects 1–3, through the real app (every shipped capability): text a database
 * cannot store, prototype keys as codes and broken compressed bodies are refused at the
 * boundary with a 4xx naming what is wrong, on every route.
 */
describe.each(testDbKinds())("hostile input at the boundary (%s)", (db) => {
  let svc: TestService;
  let paths: Record<string, Record<string, unknown>>;
  let apiKey: string;
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

  beforeAll(async () => {
    svc = await startTestService({ db, env: { ADMIN_TOKEN, LOG_LEVEL: "warn" } });
    paths = ((await (await fetch(`${svc.url}/openapi.json`)).json()) as { paths: typeof paths }).paths;
    const key = await fetch(`${svc.url}/api/v1/admin/open311/keys`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/json" },
      body: JSON.stringify({ name: "fuzz client" }),
    });
    apiKey = ((await key.json()) as { key: string }).key;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const send = (path: string, init: RequestInit = {}) => fetch(svc.url + path, init);
  const json = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
    send(path, { method, headers: { "content-type": "application/json", ...admin, ...headers }, body });

  it("refuses NUL and non-Unicode path segments on every documented route with a parameter, and on the HTML and Open311 routes", async () => {
    const templates = Object.entries(paths)
      .filter(([p]) => p.includes("{"))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p })));
    templates.push(
      { method: "GET", path: "/guides/{code}" },
      { method: "GET", path: "/open311/v2/requests/{id}.json" },
      { method: "GET", path: "/open311/v2/services/{code}.xml" },
      { method: "GET", path: "/open311/v2/tokens/{token}.json" },
    );
    expect(templates.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const t of templates) {
      for (const bad of UNSTORABLE_SEGMENTS) {
        const path = t.path.replace(/\{\w+\}/g, bad);
        const body = t.method === "GET" || t.method === "DELETE" ? undefined : "{}";
        const r = await send(path, { method: t.method, headers: { ...admin, ...(body ? { "content-type": "application/json" } : {}) }, body });
        if (r.status >= 500) failures.push(`${t.method} ${path} → ${r.status} ${await r.text()}`);
        else await r.arrayBuffer();
      }
    }
    expect(failures).toEqual([]);
    const r = await send("/api/v1/items/QH%00");
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: { code: "path_unstorable", message: expect.stringContaining("路径") } });
  });

  it("refuses NUL and lone surrogates in query strings", async () => {
    for (const q of ["q=%00", "q=%ED%A0%80", "q=a%00b", "q=a=%00", "lang=zh&q=x=y=%ED%A0%80"]) {
      const r = await send(`/api/v1/search?${q}`);
      expect(r.status, q).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toContain("q");
    }
    expect((await send("/api/v1/search?q=%E9%A9%BE%E7%85%A7")).status).toBe(200);
  });

  it("refuses NUL and lone surrogates in JSON strings and keys, naming the field", async () => {
    const { token } = await createSession(svc.ctx, crypto.randomUUID());
    const cases: { method: string; path: string; body: string; field: string; headers?: Record<string, string> }[] = [
      { method: "POST", path: "/api/v1/ask", body: '{"question":"\\ud800"}', field: "body.question" },
      { method: "POST", path: "/api/v1/ask", body: '{"question":"驾照\\u0000丢了"}', field: "body.question" },
      { method: "POST", path: "/api/v1/mp/login", body: '{"code":"abc\\u0000"}', field: "body.code" },
      { method: "POST", path: "/api/v1/mp/complaints", body: '{"text":"楼下噪音扰民\\ud800严重","address":"西宁"}', field: "body.text", headers: { authorization: `Bearer ${token}` } },
      { method: "POST", path: "/open311/v2/requests.json", body: JSON.stringify({ api_key: apiKey, service_code: "QH-001", address_string: "西宁" }).replace("}", ',"description":"路面塌陷\\u0000严重"}'), field: "body.description" },
      { method: "POST", path: "/api/v1/admin/open311/keys", body: '{"name":"x\\udfff"}', field: "body.name" },
      { method: "POST", path: "/api/v1/ask", body: '{"question":"ok","meta":{"a\\u0000":1}}', field: "body.meta" },
      { method: "POST", path: "/api/v1/ask", body: '{"question":"ok","list":["fine","\\ud83d"]}', field: "body.list.1" },
    ];
    for (const c of cases) {
      const r = await json(c.method, c.path, c.body, c.headers);
      const text = await r.text();
      expect(r.status, `${c.path} ${c.body} → ${text}`).toBe(400);
      expect(JSON.parse(text).error.message, c.body).toContain(c.field);
    }
    // A well-formed pair (an emoji) and ordinary control characters are text like any other.
    const ok = await json("POST", "/api/v1/ask", '{"question":"身份证换领要带什么\\ud83d\\ude00\\t"}');
    expect(ok.status).toBe(200);
  });

  it("refuses the same in form bodies (Open311 posts forms)", async () => {
    const r = await send("/open311/v2/requests.json", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `api_key=${apiKey}&service_code=QH-001&address_string=%E8%A5%BF%E5%AE%81&description=%E8%B7%AF%E9%9D%A2%00%E5%A1%8C%E9%99%B7%E4%B8%A5%E9%87%8D`,
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("description");
  });

  it("refuses the same in multipart fields (mini-program complaints with images)", async () => {
    const { token } = await createSession(svc.ctx, crypto.randomUUID());
    const form = new FormData();
    form.set("text", "楼下噪音扰民\u0000非常严重");
    form.set("address", "西宁市城中区");
    const r = await send("/api/v1/mp/complaints", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("body.text");
  });

  it("never looks a user-given code up on Object.prototype", async () => {
    for (const code of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      const post = await send("/open311/v2/requests.json", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ api_key: apiKey, service_code: code, description: "路面塌陷非常严重", address_string: "西宁" }),
      });
      expect(post.status, `POST ${code}`).toBe(404);
      expect(await post.json()).toEqual([{ code: 404, description: `service_code ${code} not found` }]);
      for (const fmt of ["json", "xml"]) {
        const get = await send(`/open311/v2/services/${code}.${fmt}`);
        expect(get.status, `GET services/${code}.${fmt}`).toBe(404);
        await get.arrayBuffer();
      }
      const list = await send(`/open311/v2/requests.json?service_code=${code}`);
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual([]);
    }
  });

  it("answers a body that claims an encoding it does not have with 400", async () => {
    for (const encoding of ["gzip", "deflate", "br"]) {
      const r = await send("/api/v1/ask", {
        method: "POST",
        headers: { "content-type": "application/json", "content-encoding": encoding },
        body: '{"question":"驾照丢了咋补"}',
      });
      expect(r.status, encoding).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: "body_encoding_mismatch" } });
    }
    const truncated = gzipSync(Buffer.from('{"question":"驾照丢了咋补"}')).subarray(0, 20);
    const r = await send("/api/v1/ask", { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: truncated });
    expect(r.status).toBe(400);
    const unknown = await send("/api/v1/ask", { method: "POST", headers: { "content-type": "application/json", "content-encoding": "zstd-x" }, body: "{}" });
    expect(unknown.status).toBe(415);
    // A real gzip body is read as usual.
    const good = await send("/api/v1/ask", {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(Buffer.from('{"question":"驾照丢了咋补"}')),
    });
    expect(good.status).toBe(200);
  });

  it("refuses bodies nested deeper than any route takes", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const r = await json("POST", "/api/v1/ask", `{"question":"ok","x":${deep}}`);
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("nested");
  });
});
