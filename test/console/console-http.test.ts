import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service";
import { signedInStaff, type StaffClient } from "../support/staff";

/** The console's doors without a browser: sign-in redirects, CSRF, role refusals, bad input as pages, assets. */
describe("staff console over HTTP", () => {
  let svc: TestService;
  let editor: StaffClient;
  const get = (path: string, cookie = "") => fetch(svc.url + path, { redirect: "manual", headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    svc = await startTestService({ env: { LOG_LEVEL: "warn" } });
    editor = await signedInStaff(svc, "editor1", "editor");
  }, 60_000);
  afterAll(async () => svc?.stop());

  it("sends a visitor without a session to the login page, keeping only a console path to return to", async () => {
    const res = await get("/admin/guides?q=x");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fguides%3Fq%3Dx");
    const login = await (await get("/admin/login?next=https://evil.example/")).text();
    expect(login).toContain('data-next="/admin"');
    expect(login).not.toContain("evil.example");
  });

  it("refuses a change without the session's CSRF token, and a role's missing pages, as pages", async () => {
    const noToken = await fetch(`${svc.url}/admin/gaps/00000000-0000-4000-8000-000000000000/synonym`, {
      method: "POST", redirect: "manual",
      headers: { cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "terms=a&canonical=b",
    });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get("content-type")).toContain("text/html");
    const complaints = await get("/admin/complaints", editor.cookie);
    expect(complaints.status).toBe(403);
    expect(await complaints.text()).toContain("没有权限");
  });

  it("answers bad input with a 400 page and an unknown item with a 404 page", async () => {
    expect((await get("/admin/guides?page=abc", editor.cookie)).status).toBe(400);
    const missing = await get("/admin/guides/NO-SUCH-ITEM", editor.cookie);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("NO-SUCH-ITEM");
  });

  it("serves its own scripts and ECharts from the service, nothing else", async () => {
    for (const name of ["console.js", "console.css", "echarts.min.js"]) {
      const res = await get(`/admin/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get("content-type"), name).toMatch(/text\/(javascript|css)/);
    }
    expect((await get("/admin/assets/..%2Fcapability.ts")).status).toBe(404);
    expect((await get("/admin/assets/nope.js")).status).toBe(404);
  });
});
