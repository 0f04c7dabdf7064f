import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATUS_LABELS } from "../../src/applications";
import { artifactPath, hasChromium, launchChromium } from "../support/browser";
import { startTestService, type TestService } from "../support/service";
import { createStaff, loginStaff, STAFF_TEST_PASSWORD, type StaffClient } from "../support/staff";

const root = path.resolve(import.meta.dirname, "../..");
const GUIDE = "630100-cgs-jiazhao-buling.yaml";
const CODE = "QH-630100-CGS-001";
const TOKEN = "console-test-machine-token-0123";
const DEPT = "西宁市城东区住建局";
const shot = (name: string) => artifactPath(`console/${name}.png`);

/**
 * The staff console walked through in real Chromium under the service's own CSP: sign in, edit a
 * guide (validation included), submit, review with the diff, publish and see it on the public
 * page and in a chat answer; dispatch and answer a complaint and see it on the dashboard; turn an
 * unanswered question into a synonym and see chat answer it; another department's handler refused.
 */
describe.runIf(hasChromium)("staff console in Chromium", () => {
  let svc: TestService;
  let browser: Browser;
  let guidesDir: string;
  let machine: (method: string, p: string, body?: unknown) => Promise<{ status: number; json: any }>;

  beforeAll(async () => {
    guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-console-"));
    fs.copyFileSync(path.join(root, "guides", GUIDE), path.join(guidesDir, GUIDE));
    svc = await startTestService({ env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guidesDir, LOG_LEVEL: "warn", ADMIN_TOKEN: TOKEN } });
    machine = async (method, p, body) => {
      const res = await fetch(svc.url + p, { method, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    };
    await createStaff(svc, "editor1", "editor");
    await createStaff(svc, "reviewer1", "reviewer");
    await createStaff(svc, "dispatcher1", "dispatcher");
    await createStaff(svc, "handler1", "handler", DEPT);
    await createStaff(svc, "handler2", "handler", "海东市交通运输局");
    await createStaff(svc, "handler0", "handler", "青海省住房和城乡建设厅");
    await createStaff(svc, "admin1", "administrator");
    await createStaff(svc, "super1", "supervisor");
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  /** A signed-in browser tab (laptop width unless told), collecting CSP violations and console errors. */
  async function signIn(username: string, width = 1366): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && problems.push(`${m.text()} ${m.location().url}`)));
    await page.addInitScript({ content: `document.addEventListener("securitypolicyviolation", (e) => console.error("CSP " + e.violatedDirective + " " + e.blockedURI));` });
    await page.goto(`${svc.url}/admin/complaints?queue=all`);
    expect(page.url()).toContain("/admin/login?next=");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(STAFF_TEST_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    // Back to the page that asked for the sign-in (a role without complaints gets the 403 page there).
    await page.waitForURL(/\/admin\/complaints\?queue=all$/);
    problems.length = 0;
    return { page, problems };
  }

  const ask = async (question: string) =>
    ((await (await fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) })).json()) as any);
  const replyText = (r: any) => JSON.stringify(r);

  it("edits a guide, submits, reviews with the diff, publishes, and the public page and chat show it", async () => {
    const editor = await signIn("editor1");
    const { page } = editor;
    await page.goto(`${svc.url}/admin/guides`);
    await page.getByPlaceholder("事项名称、别名或编码").fill("驾驶证");
    await page.getByRole("button", { name: "搜索" }).click();
    await page.screenshot({ path: shot("guide-list"), fullPage: true });
    await page.getByRole("link", { name: "机动车驾驶证补领（遗失）" }).click();
    await page.screenshot({ path: shot("guide-detail"), fullPage: true });
    await page.getByRole("link", { name: "编辑（新建草稿）" }).click();
    // A new material through the editable list (console.js adds the row).
    const materials = page.locator('fieldset[data-list="materials"]');
    await materials.getByRole("button", { name: "添加申请材料" }).click();
    const rows = materials.locator("[data-rows] > [data-row]");
    const added = rows.last();
    await added.getByLabel("材料名称").fill("机动车驾驶证遗失声明");
    await added.getByLabel("材料形式").selectOption("原件");
    // Validation as the importer's: a guide without a name is refused, the message beside its field.
    await page.getByLabel("事项名称").fill("");
    await page.getByRole("button", { name: "保存草稿" }).click();
    const errs = await page.locator(".field-error").evaluateAll((els) => els.map((e) => (e.parentElement?.querySelector("[name]")?.getAttribute("name") ?? "") + ": " + e.textContent));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toBe("name: 必填");
    await page.screenshot({ path: shot("guide-edit-errors"), fullPage: true });
    // The rejected form keeps what was typed, the added material included.
    expect(await page.locator('input[name="materials.2.name"]').inputValue()).toBe("机动车驾驶证遗失声明");
    await page.getByLabel("事项名称").fill("机动车驾驶证补领（遗失）");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await page.waitForURL(/ok=saved/);
    expect(await page.locator("#draft-status").textContent()).toBe("草稿");
    // The preview is the citizen's page itself, rendered from the draft.
    const preview = await page.context().newPage();
    await preview.goto(`${svc.url}/admin/guides/${CODE}/preview`);
    expect(await preview.locator("#materials").textContent()).toContain("机动车驾驶证遗失声明");
    expect(await preview.evaluate('getComputedStyle(document.querySelector("header.top")).backgroundColor')).toBe("rgb(200, 16, 46)");
    await preview.close();
    await page.getByRole("button", { name: "提交审核" }).click();
    await page.waitForURL(/ok=submitted/);
    expect(await page.locator("#draft-status").textContent()).toBe("待审核");
    // The one refusal was the form sent without a name (422, shown beside the field).
    expect(editor.problems.filter((p) => !p.includes("422"))).toEqual([]);

    const reviewer = await signIn("reviewer1");
    await reviewer.page.goto(`${svc.url}/admin/guides/${CODE}/review`);
    const diffRows = reviewer.page.locator("table.diff tbody tr");
    const paths = await diffRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-path")));
    expect(paths).toContain("materials.2");
    expect(await reviewer.page.locator('tr[data-path="materials.2"]').textContent()).toContain("材料名称：机动车驾驶证遗失声明");
    await reviewer.page.screenshot({ path: shot("guide-review"), fullPage: true });
    await reviewer.page.getByRole("button", { name: "发布" }).click();
    await reviewer.page.waitForURL(/ok=published/);
    expect(reviewer.problems).toEqual([]);

    const publicPage = await (await fetch(`${svc.url}/guides/${CODE}`)).text();
    expect(publicPage).toContain("机动车驾驶证遗失声明");
    await expect.poll(async () => replyText(await ask("驾照丢了补办要带什么材料")), { timeout: 10_000 }).toContain("机动车驾驶证遗失声明");
  }, 120_000);

  it("dispatches a complaint, the handler answers it, the dashboard counts it; another department is refused", async () => {
    const key = await machine("POST", "/api/v1/admin/open311/keys", { name: "console test" });
    expect(key.status).toBe(201);
    const file = async () => {
      const posted = await fetch(`${svc.url}/open311/v2/requests.json`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ api_key: key.json.key, service_code: "QH-001", description: "小区门口的路面塌陷很久没人修，晚上很危险", address_string: "西宁市城东区八一路1号" }),
      });
      expect(posted.status).toBe(201);
      const [created] = (await posted.json()) as { service_request_id: string }[];
      return created!.service_request_id;
    };
    const ticket = await file();
    // The same complaint again: the dispatcher sees it as a likely duplicate and merges it.
    const twin = await file();
    const merger = await signIn("dispatcher1");
    await merger.page.goto(`${svc.url}/admin/complaints/${twin}`);
    expect(await merger.page.locator("dd").filter({ hasText: ticket }).count()).toBeGreaterThan(0);
    const merge = merger.page.locator('form[data-action="merge"]');
    expect(await merge.getByLabel("并入工单号").inputValue()).toBe(ticket);
    await merge.getByRole("button").click();
    await merger.page.waitForURL(/ok=acted/);
    expect(await merger.page.locator("#status").textContent()).toBe("已合并");

    // Routed by its category to the provincial department, which returns it: back to the dispatcher.
    const first = await signIn("handler0");
    await first.page.goto(`${svc.url}/admin/complaints/${ticket}`);
    await first.page.locator('form[data-action="return"]').getByLabel("原因").fill("属区级管辖，请改派城东区");
    await first.page.locator('form[data-action="return"]').getByRole("button").click();
    await first.page.waitForURL(/ok=acted/);
    const dispatcher = await signIn("dispatcher1");
    await dispatcher.page.goto(`${svc.url}/admin/complaints?queue=dispatch`);
    await dispatcher.page.screenshot({ path: shot("complaints-dispatch-queue"), fullPage: true });
    await dispatcher.page.goto(`${svc.url}/admin/complaints/${ticket}`);
    // The classifier's suggestion as the API has it: category → department, and its confidence.
    const view = await machine("GET", `/api/v1/admin/complaints/${ticket}`);
    const suggestion = await dispatcher.page.locator("#suggestion").textContent();
    expect(suggestion).toContain(`${view.json.category} → ${view.json.suggestedDepartment}`);
    expect(suggestion).toContain(`置信度${Math.round(view.json.confidence * 100)}%`);
    await dispatcher.page.screenshot({ path: shot("complaint-dispatch"), fullPage: true });
    const dispatch = dispatcher.page.locator('form[data-action="dispatch"]');
    await dispatch.getByLabel("承办单位").fill(DEPT);
    await dispatch.getByRole("button", { name: "派单" }).click();
    await dispatcher.page.waitForURL(/ok=acted/);
    expect(await dispatcher.page.locator("#status").textContent()).toBe("已派单");

    const handler = await signIn("handler1", 1024);
    await handler.page.goto(`${svc.url}/admin/complaints?queue=sign`);
    expect(await handler.page.locator("[data-deadline]").count()).toBeGreaterThan(0);
    await handler.page.screenshot({ path: shot("complaints-queue-tablet"), fullPage: true });
    await handler.page.getByRole("link", { name: ticket }).click();
    await handler.page.locator('form[data-action="sign"]').getByRole("button").click();
    await handler.page.waitForURL(/ok=acted/);
    await handler.page.locator('form[data-action="progress"]').getByLabel("说明").fill("已联系施工单位");
    await handler.page.locator('form[data-action="progress"]').getByRole("button").click();
    await handler.page.waitForURL(/ok=acted/);
    // An extension, asked by the handler and approved by the dispatcher, before the reply.
    const ext = handler.page.locator('form[data-action="extension"]');
    await ext.getByLabel("延期工作日").fill("3");
    await ext.getByLabel("原因").fill("需协调施工队伍");
    await ext.getByRole("button").click();
    await handler.page.waitForURL(/ok=acted/);
    await dispatcher.page.goto(`${svc.url}/admin/complaints/${ticket}`);
    await dispatcher.page.locator('form[data-action="extension/decision"]').getByRole("button").click();
    await dispatcher.page.waitForURL(/ok=acted/);
    expect(await dispatcher.page.locator("#status").textContent()).toBe("延期已批准");
    await handler.page.goto(`${svc.url}/admin/complaints/${ticket}`);
    await handler.page.locator('form[data-action="reply"]').getByLabel("答复内容").fill("路面已于今日修复，感谢您的反映。");
    await handler.page.locator('form[data-action="reply"]').getByRole("button").click();
    await handler.page.waitForURL(/ok=acted/);
    expect(await handler.page.locator("#reply").textContent()).toContain("路面已于今日修复");
    await handler.page.screenshot({ path: shot("complaint-replied"), fullPage: true });

    // A handler's dashboard is their department's: no other department's tickets in it.
    const own = (await handler.page.evaluate('fetch("/api/v1/admin/dashboard").then((r) => r.json())')) as any;
    expect(own.complaints.byDepartment).toEqual([{ department: DEPT, count: 1 }]);
    const other = await signIn("handler2");
    const refused = await other.page.goto(`${svc.url}/admin/complaints/${ticket}`);
    expect(refused?.status()).toBe(404);
    const guides = await other.page.goto(`${svc.url}/admin/guides`);
    expect(guides?.status()).toBe(403);

    const sup = await signIn("super1");
    await sup.page.goto(`${svc.url}/admin`);
    await sup.page.waitForSelector('body[data-charts="drawn"]');
    const api = (await (await fetch(`${svc.url}/api/v1/admin/dashboard`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as any;
    const deptRow = api.complaints.byDepartment.find((r: any) => r.department === DEPT);
    expect(deptRow.count).toBe(1);
    const cells = await sup.page.locator("#t-department tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(cells).toContainEqual([DEPT, "1"]);
    expect(await sup.page.locator("#kpi-total").textContent()).toBe(String(api.complaints.total));
    expect(await sup.page.locator('[data-chart="department"] canvas').count()).toBe(1);
    // Nobody has rated yet: no five equal sectors (they would read as 20% each), a note instead.
    expect(api.complaints.satisfaction.every((r: any) => r.count === 0)).toBe(true);
    const pie = await sup.page.evaluate(`(() => { const o = echarts.getInstanceByDom(document.querySelector('[data-chart="satisfaction"]')).getOption(); return { title: o.title?.[0]?.text, sectors: o.series[0].data.length }; })()`);
    expect(pie).toEqual({ title: "暂无评价", sectors: 0 });
    // Questions per day: the chat answers of the first walk-through are counted, as the API says.
    const today = api.questions.at(-1);
    expect(today.asked).toBeGreaterThan(0);
    const qRow = await sup.page.locator("#t-questions tbody tr").last().evaluate((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(qRow.slice(0, 3)).toEqual([today.day, String(today.asked), String(today.unanswered)]);
    expect(await sup.page.locator('[data-chart="questions"] canvas').count()).toBe(1);
    await sup.page.screenshot({ path: shot("dashboard"), fullPage: true });
    expect([...merger.problems, ...dispatcher.problems, ...handler.problems, ...sup.problems]).toEqual([]);
  }, 120_000);

  it("turns an unanswered question into a synonym, and chat answers it afterwards", async () => {
    const question = "护照丢了怎么补办";
    const first = await ask(question);
    expect(first.itemCode).toBeNull();
    const editor = await signIn("editor1");
    await expect.poll(async () => {
      await editor.page.goto(`${svc.url}/admin/gaps`);
      return editor.page.locator("tr[data-question]").filter({ hasText: question }).count();
    }, { timeout: 10_000 }).toBe(1);
    const row = editor.page.locator("tr[data-question]").filter({ hasText: question });
    await editor.page.screenshot({ path: shot("knowledge-gaps"), fullPage: true });
    await row.getByLabel("群众说法").fill("护照");
    await row.getByLabel("对应的正式说法（事项名称）").fill("驾驶证");
    await row.getByRole("button", { name: "添加为同义词" }).click();
    await editor.page.waitForURL(/ok=synonym_added/);
    expect(await editor.page.locator("tr[data-question]").filter({ hasText: question }).count()).toBe(0);
    await expect.poll(async () => (await ask(question)).itemCode, { timeout: 10_000 }).toBe(CODE);
  }, 60_000);

  it("applications: search by number, the timeline and only the allowed next steps; accounts and the audit log for administrators", async () => {
    const created = await machine("POST", "/api/v1/admin/applications", { itemCode: CODE, applicant: { name: "张三", phone: "13900001111" } });
    expect(created.status).toBe(201);
    const number = created.json.number as string;
    const dept = created.json.department as string;
    await createStaff(svc, "handler3", "handler", dept);
    const h = await signIn("handler3", 1024);
    await h.page.goto(`${svc.url}/admin/applications`);
    await h.page.getByPlaceholder("办件编号").fill(number);
    await h.page.getByRole("button", { name: "搜索" }).click();
    await h.page.waitForURL(new RegExp(`/admin/applications/${number}$`));
    const options = await h.page.locator('select[name="status"] option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(options.sort()).toEqual(["accepted", "rejected", "supplement_required", "withdrawn"]);
    await h.page.locator('select[name="status"]').selectOption("accepted");
    await h.page.getByRole("button", { name: "记录" }).click();
    await h.page.waitForURL(/ok=acted/);
    expect(await h.page.locator("#app-status").textContent()).toBe(APPLICATION_STATUS_LABELS.accepted);
    expect(await h.page.locator("[data-deadline]").count()).toBe(1);
    await h.page.screenshot({ path: shot("application"), fullPage: true });
    const other = await signIn("handler1");
    expect((await other.page.goto(`${svc.url}/admin/applications/${number}`))?.status()).toBe(404);

    const admin = await signIn("admin1");
    await admin.page.goto(`${svc.url}/admin/accounts`);
    await admin.page.waitForSelector('#accounts[data-loaded="1"]');
    await admin.page.locator("#account-create").getByLabel("用户名").fill("editor9");
    await admin.page.locator("#account-create").getByLabel("初始密码").fill("another long password");
    await admin.page.locator("#account-create").getByLabel("角色").selectOption("editor");
    await admin.page.locator("#account-create").getByRole("button").click();
    await admin.page.waitForSelector('tr[data-account="editor9"]');
    // A forgotten password: the administrator gives a new one, which then signs in.
    await admin.page.locator('tr[data-account="editor9"]').getByLabel("新密码").fill("reset by the admin");
    await admin.page.locator('tr[data-account="editor9"]').getByRole("button", { name: "重置密码" }).click();
    await expect.poll(() => admin.page.locator("#account-message").textContent()).toContain("已为editor9设置新密码");
    expect((await loginStaff(svc, "editor9", "reset by the admin")).username).toBe("editor9");
    await admin.page.locator('tr[data-account="editor9"]').getByRole("button", { name: "停用" }).click();
    await expect.poll(() => admin.page.locator('tr[data-account="editor9"]').textContent()).toContain("已停用");
    await admin.page.screenshot({ path: shot("accounts"), fullPage: true });
    await admin.page.getByRole("link", { name: "修改密码" }).click();
    await admin.page.screenshot({ path: shot("password"), fullPage: true });
    await admin.page.goto(`${svc.url}/admin/audit?entity=item&actor=reviewer1`);
    expect(await admin.page.locator("#audit tbody tr").filter({ hasText: "guide.publish" }).count()).toBe(1);
    await admin.page.screenshot({ path: shot("audit"), fullPage: true });

    // Version history, then retiring the item: gone from the public page, kept on record.
    const reviewer = await signIn("reviewer1", 768);
    await reviewer.page.goto(`${svc.url}/admin/guides/${CODE}`);
    await reviewer.page.getByRole("link", { name: "第2版", exact: true }).click();
    expect(await reviewer.page.locator('tr[data-path="materials.2"]').count()).toBe(1);
    await reviewer.page.goto(`${svc.url}/admin/guides/${CODE}`);
    reviewer.page.on("dialog", (d) => void d.accept());
    await reviewer.page.getByLabel("下架原因").fill("并入新事项");
    await reviewer.page.getByRole("button", { name: "下架" }).click();
    await reviewer.page.waitForURL(/ok=retired/);
    await reviewer.page.screenshot({ path: shot("guide-retired-tablet"), fullPage: true });
    expect((await fetch(`${svc.url}/guides/${CODE}`)).status).toBe(404);
    expect(reviewer.problems).toEqual([]);
    expect([...h.problems, ...admin.problems]).toEqual([]);
  }, 120_000);
});
