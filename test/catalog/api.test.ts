import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service";
import { createPgDatabase, testDbKinds } from "../support/db";
import { catalogCapability, createCatalogPort, createQuestionLog, CATALOG_CHANGED } from "../../src/catalog";
import { staffCapability } from "../../src/staff";

const fixtures = path.join(import.meta.dirname, "fixtures/guides");
const CODE = "TEST-630000-0001";
const TOKEN = "test-admin-token-0123456789";

describe.each(testDbKinds())("catalog API (%s)", (kind) => {
  let svc: TestService;
  const events: string[] = [];
  const get = (p: string, headers: Record<string, string> = {}) => fetch(svc.url + p, { headers });
  const admin = (method: string, p: string, body?: unknown, token = TOKEN) =>
    fetch(svc.url + p, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    svc = await startTestService({
      db: kind,
      capabilities: [catalogCapability(), staffCapability()],
      env: { ADMIN_TOKEN: TOKEN, AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: fixtures, PUBLIC_BASE_URL: "https://zw.example.gov.cn" },
    });
    await svc.ctx.store.subscribe(CATALOG_CHANGED, (m) => events.push(m));
  });
  afterAll(async () => svc?.stop());

  it("imported GUIDES_DIR on first start", async () => {
    const r = (await (await get("/api/v1/items?pageSize=100")).json()) as { total: number; items: { code: string; hasGuide: boolean }[] };
    expect(r.total).toBe(4);
    expect(r.items.filter((i) => i.hasGuide).map((i) => i.code).sort()).toEqual([CODE, "TEST-630100-0002"]);
  });

  it("returns every element of the published guide as JSON, with version, updatedAt and ETag → 304", async () => {
    const res = await get(`/api/v1/items/${CODE}`);
    expect(res.status).toBe(200);
    const g = (await res.json()) as Record<string, unknown>;
    for (const k of ["name", "aliases", "type", "audience", "region", "authority", "basis", "conditions", "materials", "procedure", "timeLimit", "fees", "locations", "contact", "online", "faq", "effectiveFrom"]) {
      expect(g[k], k).toBeDefined();
    }
    expect(g).toMatchObject({ version: 1, hasGuide: true, department: { name: "青海省公安厅（测试）" }, pageUrl: `https://zw.example.gov.cn/guides/${CODE}` });
    expect(g.fees).toMatchObject({ items: [{ amountFen: 2000 }] });
    const etag = res.headers.get("etag")!;
    expect((await get(`/api/v1/items/${CODE}`, { "if-none-match": etag })).status).toBe(304);
  });

  it("answers ?lang=bo with the Tibetan name and Chinese fallback", async () => {
    const g = (await (await get(`/api/v1/items/${CODE}?lang=bo`)).json()) as Record<string, unknown>;
    expect(g.name).toBe("དམངས་ཁྲོད་ཐོབ་ཐང་ལག་ཁྱེར་བརྗེ་ལེན།");
    expect(g.conditions).toEqual(["居民身份证有效期满或者临近期满"]);
  });

  it("filters the listing and counts items per department", async () => {
    const byType = (await (await get("/api/v1/items?type=公共服务")).json()) as { items: { code: string }[] };
    expect(byType.items.map((i) => i.code)).toEqual(["TEST-LIST-0001"]);
    const byQ = (await (await get(`/api/v1/items?q=${encodeURIComponent("换身份证")}`)).json()) as { items: { code: string }[] };
    expect(byQ.items.map((i) => i.code)).toEqual([CODE]);
    const byRegion = (await (await get("/api/v1/items?region=630000")).json()) as { total: number };
    expect(byRegion.total).toBe(2);
    const deps = (await (await get("/api/v1/departments")).json()) as { departments: { name: string; itemCount: number }[] };
    expect(deps.departments.find((d) => d.name === "区民政局")?.itemCount).toBe(2);
  });

  it("renders the guide page with every element, escaped, and a last-updated line", async () => {
    const res = await get(`/guides/${CODE}`);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    for (const s of ["设定依据", "受理条件", "class=\"checklist\"", "原居民身份证", "办理流程", "法定60个自然日，承诺20个工作日", "居民身份证工本费：20元", "收费依据", "青海省政务服务中心二楼B区", "0971-7654321", "最多跑1次", "常见问题", "最后更新", "第1版", "@media print"]) {
      expect(html, s).toContain(s);
    }
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&#60;script&#62;");
    expect(await (await get("/guides/TEST-630100-0002")).text()).toContain("免费");
    expect(await (await get(`/guides/${CODE}?lang=bo`)).text()).toContain("དམངས་ཁྲོད་ཐོབ་ཐང་ལག་ཁྱེར་བརྗེ་ལེན།");
  });

  it("shows catalog-only items honestly and unknown codes as a 404 page", async () => {
    const only = await get("/guides/TEST-LIST-0001");
    const text = await only.text();
    expect(text).toContain("区民政局");
    expect(text).toContain("尚未发布");
    const json = (await (await get("/api/v1/items/TEST-LIST-0001")).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ hasGuide: false, link: "http://example.gov.cn/1", type: "公共服务" });
    const missing = await get("/guides/NOPE-%3Cb%3E");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("NOPE-&#60;b&#62;");
  });

  it("documents its JSON routes in /openapi.json", async () => {
    const doc = (await (await get("/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const p of ["/api/v1/items", "/api/v1/items/{code}", "/api/v1/departments", "/api/v1/admin/items/{code}/draft", "/api/v1/admin/items/{code}/versions/{v}/diff", "/api/v1/admin/synonyms"]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it("refuses the admin API without the token", async () => {
    expect((await admin("GET", `/api/v1/admin/items/${CODE}/versions`, undefined, "wrong")).status).toBe(401);
    expect((await fetch(`${svc.url}/api/v1/admin/audit`)).status).toBe(401);
  });

  it("draft → review → publish → edit → publish gives two versions with a diff; public view changes only at publication", async () => {
    const started = (await (await admin("POST", `/api/v1/admin/items/${CODE}/draft`, {})).json()) as { revision: number; guide: Record<string, unknown> };
    const guide = { ...started.guide, name: "居民身份证换领（测试·新）" };
    const edited = await admin("PUT", `/api/v1/admin/items/${CODE}/draft`, { revision: started.revision, guide });
    expect(edited.status).toBe(200);
    const rev = ((await edited.json()) as { revision: number }).revision;
    expect((await admin("PUT", `/api/v1/admin/items/${CODE}/draft`, { revision: started.revision, guide })).status).toBe(409);
    expect(((await (await get(`/api/v1/items/${CODE}`)).json()) as { name: string }).name).toBe("居民身份证换领（测试）");
    const submitted = (await (await admin("POST", `/api/v1/admin/items/${CODE}/draft/submit`, { revision: rev })).json()) as { revision: number; status: string };
    expect(submitted.status).toBe("in_review");
    const pub = await admin("POST", `/api/v1/admin/items/${CODE}/draft/publish`, { revision: submitted.revision });
    expect(await pub.json()).toEqual({ code: CODE, version: 2, changes: 1 });
    const now = (await (await get(`/api/v1/items/${CODE}`)).json()) as { name: string; version: number };
    expect(now).toMatchObject({ name: "居民身份证换领（测试·新）", version: 2 });

    const versions = (await (await admin("GET", `/api/v1/admin/items/${CODE}/versions`)).json()) as { versions: { version: number; publishedBy: string }[] };
    expect(versions.versions.map((v) => [v.version, v.publishedBy])).toEqual([[2, "machine:admin-token"], [1, "import"]]);
    const diff = (await (await admin("GET", `/api/v1/admin/items/${CODE}/versions/2/diff`)).json()) as { changes: unknown[] };
    expect(diff.changes).toEqual([{ path: "name", before: "居民身份证换领（测试）", after: "居民身份证换领（测试·新）" }]);
    const audit = (await (await admin("GET", `/api/v1/admin/audit?entity=item:${CODE}`)).json()) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["draft.start", "draft.update", "draft.submit", "guide.publish"]));
    await expect.poll(() => events).toContain(JSON.stringify({ code: CODE }));
  });

  it("rejects with a comment, and creates new items as unlisted drafts", async () => {
    const base = (await (await get("/api/v1/items/TEST-630100-0002")).json()) as Record<string, unknown>;
    const guide = { code: "TEST-NEW-0001", name: "新事项", type: "公共服务", authority: { name: "测试局" }, basis: [{ title: "《测试》" }], procedure: [{ step: "申请" }], timeLimit: { statutory: { unit: "即办" }, promised: { unit: "即办" } }, fees: { charged: false } };
    expect(base.hasGuide).toBe(true);
    const created = (await (await admin("POST", "/api/v1/admin/items", { guide })).json()) as { revision: number };
    expect((await get("/api/v1/items/TEST-NEW-0001")).status).toBe(404);
    const sub = (await (await admin("POST", "/api/v1/admin/items/TEST-NEW-0001/draft/submit", { revision: created.revision })).json()) as { revision: number };
    const rej = (await (await admin("POST", "/api/v1/admin/items/TEST-NEW-0001/draft/reject", { revision: sub.revision, comment: "缺少收费依据" })).json()) as Record<string, unknown>;
    expect(rej).toMatchObject({ status: "rejected", comment: "缺少收费依据" });
    expect((await admin("POST", "/api/v1/admin/items", { guide })).status).toBe(409);
  });

  it("keeps staff synonyms and unanswered questions, and serves them through the ports", async () => {
    const s = (await (await admin("POST", "/api/v1/admin/synonyms", { terms: ["身份证"], canonical: ["居民身份证"], kind: "object" })).json()) as { id: string };
    const port = createCatalogPort(svc.ctx.db.prisma);
    expect(await port.listSynonyms()).toEqual([{ terms: ["身份证"], canonical: ["居民身份证"], kind: "object" }]);
    expect((await admin("DELETE", `/api/v1/admin/synonyms/${s.id}`)).status).toBe(200);
    expect(await port.list()).toEqual([]);

    const log = createQuestionLog(svc.ctx.db.prisma);
    await log.record({ question: "怎么办理狗证？", outcome: "not_found", lang: "zh" });
    await log.record({ question: "怎么办理狗证", outcome: "low_confidence", lang: "zh", bestCode: CODE });
    const q = (await (await admin("GET", "/api/v1/admin/unanswered")).json()) as { questions: { count: number; bestCode: string }[] };
    expect(q.questions[0]).toMatchObject({ count: 2, bestCode: CODE });

    expect((await port.getGuide(CODE))?.version).toBe(2);
    expect(await port.getGuide("TEST-LIST-0001")).toBeNull();
    expect(await port.getGuide("TEST-NEW-0001")).toBeNull();
    const items = await port.listSearchItems();
    expect(items.map((i) => i.code).sort()).toEqual([CODE, "TEST-630100-0002", "TEST-LIST-0001", "TEST-LIST-0002"]);
  });
});

describe("admin API without ADMIN_TOKEN", () => {
  // Staff accounts sign in with sessions; without ADMIN_TOKEN no bearer token is a key.
  it("refuses any bearer token (401) and asks for a staff login", async () => {
    const svc = await startTestService({ db: "pglite", capabilities: [catalogCapability(), staffCapability()] });
    try {
      for (const headers of [{}, { authorization: "Bearer " }, { authorization: "Bearer anything" }] as Record<string, string>[]) {
        const res = await fetch(`${svc.url}/api/v1/admin/audit`, { headers });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: "staff_login_required" } });
      }
    } finally {
      await svc.stop();
    }
  });
});

describe.runIf(testDbKinds().includes("postgres"))("first-start import with two instances starting together", () => {
  it("imports once", async () => {
    const pg = await createPgDatabase();
    const env = { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: fixtures };
    try {
      const both = await Promise.all([0, 1].map(() => startTestService({ databaseUrl: pg.url, capabilities: [catalogCapability()], env })));
      expect(await both[0]!.ctx.db.prisma.guideVersion.count()).toBe(2);
      expect(await both[0]!.ctx.db.prisma.auditLog.count({ where: { action: "guide.publish" } })).toBe(2);
      await Promise.all(both.map((s) => s.stop()));
    } finally {
      await pg.drop();
    }
  });
});
