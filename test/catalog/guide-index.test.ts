import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferedQuestionLog } from "../../src/catalog";
import { testDbKinds } from "../support/db";
import { startTestService, type TestService } from "../support/service";

const fixtures = path.join(import.meta.dirname, "fixtures/guides");
const TOKEN = "test-admin-token-guide-index";

/** GET /guides, the H5 guide index (issue 18), through the real service on both databases. */
describe.each(testDbKinds())("the guide index page (%s)", (kind) => {
  let svc: TestService;
  const page = async (q: string) => {
    const res = await fetch(`${svc.url}/guides${q}`);
    return { status: res.status, type: res.headers.get("content-type") ?? "", html: await res.text(), csp: res.headers.get("content-security-policy") ?? "" };
  };
  const linked = (html: string, section: string) => {
    const part = new RegExp(`<section id="${section}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
    return [...part.matchAll(/href="\/guides\/([^"?]+)/g)].map((m) => decodeURIComponent(m[1]!));
  };

  beforeAll(async () => {
    svc = await startTestService({ db: kind, env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: fixtures, ADMIN_TOKEN: TOKEN, LOG_LEVEL: "warn" } });
  }, 120_000);
  afterAll(async () => svc?.stop());

  it("lists departments and searches with the same ranking as GET /api/v1/search, without any script", async () => {
    const index = await page("");
    expect(index.status).toBe(200);
    expect(index.type).toContain("text/html");
    expect(index.csp).toContain("default-src 'none'");
    expect(index.html).toContain('<form class="search" method="get" action="/guides"');
    expect(index.html).not.toMatch(/<script(?! src="\/assets\/print\.js")/);
    expect(index.html).toContain("西宁市民政局（测试）");
    expect(index.html).not.toContain('id="results"');

    const api = (await (await fetch(`${svc.url}/api/v1/search?q=${encodeURIComponent("换身份证")}`)).json()) as { results: { code: string }[] };
    expect(api.results.length).toBeGreaterThan(0);
    const found = await page(`?q=${encodeURIComponent("换身份证")}`);
    expect(linked(found.html, "results")).toEqual(api.results.map((r) => r.code));
  });

  it("filters by department, and says so when a search finds nothing", async () => {
    const dept = await page(`?department=${encodeURIComponent("西宁市民政局（测试）")}`);
    expect(linked(dept.html, "results")).toEqual(["TEST-630100-0002"]);
    expect(dept.html).toContain('<strong aria-current="true">西宁市民政局（测试）</strong>');
    const none = await page(`?q=${encodeURIComponent("zzqqxx")}`);
    expect(none.status).toBe(200);
    expect(linked(none.html, "results")).toEqual([]);
    expect(none.html).toContain("没有找到相关事项");
  });

  it("escapes what the visitor typed and refuses oversized input with a 400", async () => {
    const evil = `"><script>alert(1)</script>`;
    const r = await page(`?q=${encodeURIComponent(evil)}&department=${encodeURIComponent(evil)}`);
    expect(r.status).toBe(200);
    expect(r.html).not.toContain("<script>alert(1)");
    expect(r.html).toContain("&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;");
    expect((await page(`?q=${"长".repeat(101)}`)).status).toBe(400);
    expect((await page("?q=a&q=b")).status).toBe(400);
    // An unknown language falls back to Chinese, as on the guide pages.
    expect((await page("?lang=xx")).html).toContain('<html lang="zh-CN">');
    expect((await page("?lang=bo")).html).toContain('<html lang="bo">');
  });

  it("shows the items chat answered with most, and keeps them out of the staff's unanswered list", async () => {
    const log = bufferedQuestionLog(svc.ctx.db.prisma, { onError: (e) => { throw e; } });
    for (let i = 0; i < 3; i++) await log.record({ question: `结婚要带什么${i}`, outcome: "answered", lang: "zh", bestCode: "TEST-630100-0002" });
    await log.record({ question: "换身份证", outcome: "answered", lang: "zh", bestCode: "TEST-630000-0001" });
    await log.record({ question: "退役的事项", outcome: "answered", lang: "zh", bestCode: "NO-SUCH-ITEM" });
    await log.close();
    expect(linked((await page("")).html, "most-asked")).toEqual(["TEST-630100-0002", "TEST-630000-0001"]);
    const staff = (await (await fetch(`${svc.url}/api/v1/admin/unanswered`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { total: number };
    expect(staff.total).toBe(0);
  });
});
