import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDraftReview } from "../../src/console/guides/get-draft-review";
import { getGuidePreview } from "../../src/console/guides/get-guide-preview";
import { saveGuideDraft } from "../../src/console/guides/save-guide-draft";
import { startTestService, type TestService } from "../support/service";
import { loginStaff, signedInStaff, STAFF_TEST_PASSWORD, type StaffClient } from "../support/staff";

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

  it("starts a guide from a knowledge gap: the new item is an unlisted draft and the question leaves the list", async () => {
    await fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "养蜂备案去哪里办" }) });
    let id = "";
    await expect.poll(async () => {
      const r = await editor.call("GET", "/api/v1/admin/unanswered");
      id = r.json.questions.find((q: { question: string }) => q.question === "养蜂备案去哪里办")?.id ?? "";
      return id;
    }, { timeout: 10_000 }).not.toBe("");
    const form = new URLSearchParams({
      _csrf: editor.csrf, from: id, code: "QH-TEST-YF-001", name: "养蜂备案", type: "行政确认", "authority.name": "西宁市农业农村局",
      "basis.0.title": "《养蜂管理办法（试行）》", "procedure.0.step": "提交备案表", "timeLimit.statutory.value": "5", "timeLimit.statutory.unit": "工作日",
      "timeLimit.promised.unit": "即办", "fees.charged": "false", "materials.0.name": "养蜂备案表", "materials.0.required": "true",
    });
    const res = await fetch(`${svc.url}/admin/guides/new`, { method: "POST", redirect: "manual", headers: { cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" }, body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/guides/QH-TEST-YF-001?ok=created");
    const draft = await editor.call("GET", "/api/v1/admin/items/QH-TEST-YF-001/draft");
    expect(draft.json).toMatchObject({ status: "draft", guide: { name: "养蜂备案", materials: [{ name: "养蜂备案表", required: true }] } });
    expect((await fetch(`${svc.url}/guides/QH-TEST-YF-001`)).status).toBe(404);
    const after = await editor.call("GET", "/api/v1/admin/unanswered");
    expect(after.json.questions.some((q: { id: string }) => q.id === id)).toBe(false);
  });

  it("lets a staff member change their own password: reasons shown on the form, other sessions ended", async () => {
    const here = await signedInStaff(svc, "pw1", "handler", "青海省公安厅");
    const elsewhere = await loginStaff(svc, "pw1");
    expect(await (await get("/admin", here.cookie)).text()).toContain('href="/admin/password"');
    const post = (fields: Record<string, string>, csrf = here.csrf) =>
      fetch(`${svc.url}/admin/password`, { method: "POST", redirect: "manual", headers: { cookie: here.cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ _csrf: csrf, ...fields }) });
    const NEW = "a brand new passphrase";
    const wrong = await post({ oldPassword: "not my password", newPassword: NEW, newPassword2: NEW });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain("原密码错误");
    const mismatch = await post({ oldPassword: STAFF_TEST_PASSWORD, newPassword: NEW, newPassword2: NEW + "x" });
    expect([mismatch.status, (await mismatch.text()).includes("两次输入的新密码不一致")]).toEqual([422, true]);
    const weak = await post({ oldPassword: STAFF_TEST_PASSWORD, newPassword: "pw1", newPassword2: "pw1" });
    expect([weak.status, (await weak.text()).includes("密码至少10个字符")]).toEqual([400, true]);
    expect((await post({ oldPassword: STAFF_TEST_PASSWORD, newPassword: NEW, newPassword2: NEW }, "forged")).status).toBe(403);
    const ok = await post({ oldPassword: STAFF_TEST_PASSWORD, newPassword: NEW, newPassword2: NEW });
    expect([ok.status, ok.headers.get("location")]).toEqual([303, "/admin/password?ok=password_changed"]);
    expect((await get("/admin/password?ok=password_changed", here.cookie)).status).toBe(200);
    expect((await get("/admin", elsewhere.cookie)).status).toBe(302);
    await expect(loginStaff(svc, "pw1")).rejects.toThrow(/401/);
    expect((await loginStaff(svc, "pw1", NEW)).username).toBe("pw1");
  });

  it("refuses the console's 发布 to anyone who wrote the draft, not only its last editor (four eyes, as the API)", async () => {
    const code = "QH-TEST-4EYES-001";
    const guide = { code, name: "四眼原则测试事项", type: "公共服务", authority: { name: "测试局" }, basis: [{ title: "《测试》" }], procedure: [{ step: "申请" }], timeLimit: { statutory: { unit: "即办" }, promised: { unit: "即办" } }, fees: { charged: false } };
    // An administrator writes the item; an editor touches it up and submits it.
    const boss = await signedInStaff(svc, "boss4", "administrator");
    const created = await boss.call("POST", "/api/v1/admin/items", { guide });
    expect(created.status).toBe(201);
    const edited = await editor.call("PUT", `/api/v1/admin/items/${code}/draft`, { revision: created.json.revision, guide: { ...guide, aliases: ["四眼"] } });
    const submitted = await editor.call("POST", `/api/v1/admin/items/${code}/draft/submit`, { revision: edited.json.revision });
    expect(submitted.json.status).toBe("in_review");
    const publish = (who: StaffClient) =>
      fetch(`${svc.url}/admin/guides/${code}/publish`, { method: "POST", redirect: "manual", headers: { cookie: who.cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ _csrf: who.csrf, revision: String(submitted.json.revision) }) });
    // The review page tells the administrator so, and the button is off; a forged post is refused anyway.
    expect(await (await get(`/admin/guides/${code}/review`, boss.cookie)).text()).toContain("不能审核自己编写或提交的草稿");
    const own = await publish(boss);
    expect(own.status).toBe(403);
    expect(await own.text()).toContain("不能由您本人审核发布");
    expect((await boss.call("GET", `/api/v1/admin/items/${code}/draft`)).json.status).toBe("in_review");
    const ok = await publish(await signedInStaff(svc, "reviewer4", "reviewer"));
    expect([ok.status, ok.headers.get("location")]).toEqual([303, `/admin/guides/${code}?ok=published`]);
  });

  it("rejects a draft under review with the reviewer's comment, which the editor then reads on the item's page", async () => {
    const code = "QH-TEST-REJECT-001";
    const guide = { code, name: "退回测试事项", type: "公共服务", authority: { name: "测试局" }, basis: [{ title: "《测试》" }], procedure: [{ step: "申请" }], timeLimit: { statutory: { unit: "即办" }, promised: { unit: "即办" } }, fees: { charged: false } };
    const created = await editor.call("POST", "/api/v1/admin/items", { guide });
    const submitted = await editor.call("POST", `/api/v1/admin/items/${code}/draft/submit`, { revision: created.json.revision });
    const reviewer = await signedInStaff(svc, "reviewer5", "reviewer");
    const res = await fetch(`${svc.url}/admin/guides/${code}/reject`, {
      method: "POST", redirect: "manual", headers: { cookie: reviewer.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: reviewer.csrf, revision: String(submitted.json.revision), comment: "缺少收费依据，请补充" }),
    });
    expect([res.status, res.headers.get("location")]).toEqual([303, `/admin/guides/${code}?ok=rejected`]);
    const detail = await (await get(`/admin/guides/${code}?ok=rejected`, editor.cookie)).text();
    expect(detail).toMatch(/id="draft-status"[^>]*>已退回</);
    expect(detail).toContain("缺少收费依据，请补充");
    const audit = (await (await signedInStaff(svc, "admin5", "administrator")).call("GET", `/api/v1/admin/audit?entity=item:${code}`)).json.entries;
    expect(audit.find((e: any) => e.action === "draft.reject")?.actor).toBe("reviewer5");
  });

  it("runs the 督办 scan for a supervisor, and refuses it to a dispatcher", async () => {
    const post = (who: StaffClient) =>
      fetch(`${svc.url}/admin/complaints/supervise`, { method: "POST", redirect: "manual", headers: { cookie: who.cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ _csrf: who.csrf }) });
    const sup = await signedInStaff(svc, "super1", "supervisor");
    const ok = await post(sup);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/admin/complaints?queue=overdue&ok=supervised");
    expect((await post(await signedInStaff(svc, "dispatcher1", "dispatcher"))).status).toBe(403);
  });

  it("previews a first draft as version 1, keeps an invalid form unsaved, and refuses to review a draft not submitted", async () => {
    const code = "QH-TEST-PREVIEW-001";
    const guide = { code, name: "预览测试事项", type: "公共服务", authority: { name: "测试局" }, basis: [{ title: "《测试》" }], procedure: [{ step: "申请" }], timeLimit: { statutory: { unit: "即办" }, promised: { unit: "即办" } }, fees: { charged: false } };
    const created = await editor.call("POST", "/api/v1/admin/items", { guide });
    expect(created.status).toBe(201);
    const prisma = svc.ctx.db.prisma;
    const preview = await getGuidePreview({ prisma, code, now: new Date() });
    expect([preview.name, preview.version, preview.hasGuide]).toEqual(["预览测试事项", 1, true]);
    const invalid = await saveGuideDraft({ prisma, code, form: { name: "" }, revision: created.json.revision, actor: "editor1", now: new Date() });
    expect(invalid.saved === false && invalid.parsed.errors.name).toBe("必填");
    expect((await editor.call("GET", `/api/v1/admin/items/${code}/draft`)).json.revision).toBe(created.json.revision);
    await expect(getDraftReview({ prisma, code, actor: "reviewer7" })).rejects.toMatchObject({ reason: "draft_not_in_review", status: 409 });
    const page = await get(`/admin/guides/${code}/review`, (await signedInStaff(svc, "reviewer7", "reviewer")).cookie);
    expect([page.status, (await page.text()).includes("该草稿不在待审核状态")]).toEqual([409, true]);
  });
});
