import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationsDeps, runSupervision } from "../../src/applications";
import { getStaffApplication } from "../../src/console/applications/get-staff-application";
import { recordApplicationStep } from "../../src/console/applications/record-application-step";
import { createSession } from "../../src/miniprogram";
import { testClock } from "../complaints/helpers";
import { startTestService, type TestService } from "../support/service";
import { signedInStaff, type StaffClient } from "../support/staff";

const root = path.resolve(import.meta.dirname, "../..");
const GUIDE = "630100-cgs-jiazhao-buling.yaml";
const CODE = "QH-630100-CGS-001";
const TOKEN = "dashboard-test-machine-token-0123";
const OWN = "青海省公安厅";
const OTHER = "国家税务总局青海省税务局";
// Monday 2 November 2026, 10:00 Shanghai: no holiday within the five working days that follow.
const START = "2026-11-02T02:00:00Z";

/**
 * The dashboard's figures against tickets whose outcome is known: one replied on time and rated,
 * one replied after its deadline, one still open past it (it counts as late), and one application
 * gone past its deadline. The JSON API, the page's tables and a handler's own view must agree.
 */
describe("dashboard figures", () => {
  let svc: TestService;
  let guidesDir: string;
  const clock = testClock(START);
  const tickets = { onTime: "", late: "", open: "", elsewhere: "" };
  let application = "";

  const machine = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(svc.url + p, { method, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json().catch(() => null)) as any };
  };

  /** A citizen's complaint, routed by the dispatcher to `department` (whatever the classifier did first). */
  async function complaintIn(department: string, text: string): Promise<string> {
    const { token } = await createSession(svc.ctx, crypto.randomUUID());
    const res = await fetch(`${svc.url}/api/v1/mp/complaints`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ text }) });
    const { ticketNo } = (await res.json()) as { ticketNo: string };
    if ((await machine("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.status === "dispatched") {
      await machine("POST", `/api/v1/admin/complaints/${ticketNo}/return`, { reason: "测试改派" });
    }
    expect((await machine("POST", `/api/v1/admin/complaints/${ticketNo}/dispatch`, { department })).json.department).toBe(department);
    return ticketNo;
  }
  const reply = async (ticketNo: string) => {
    expect((await machine("POST", `/api/v1/admin/complaints/${ticketNo}/sign`, {})).status).toBe(200);
    expect((await machine("POST", `/api/v1/admin/complaints/${ticketNo}/progress`, { note: "正在办理" })).status).toBe(200);
    expect((await machine("POST", `/api/v1/admin/complaints/${ticketNo}/reply`, { replyText: "已处理，感谢您的反映。" })).status).toBe(200);
  };

  beforeAll(async () => {
    guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-dashboard-"));
    fs.copyFileSync(path.join(root, "guides", GUIDE), path.join(guidesDir, GUIDE));
    svc = await startTestService({ now: clock.now, env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guidesDir, LOG_LEVEL: "warn", ADMIN_TOKEN: TOKEN } });
    tickets.onTime = await complaintIn(OWN, "小区门口的路灯坏了一个月，晚上出行很不方便");
    tickets.late = await complaintIn(OWN, "办事大厅的叫号机经常出故障，排队秩序混乱");
    tickets.open = await complaintIn(OWN, "窗口工作人员午休时间无人值守，群众白跑一趟");
    tickets.elsewhere = await complaintIn(OTHER, "发票申领的线上系统总是提示网络错误");
    await reply(tickets.onTime);
    expect((await machine("POST", `/api/v1/admin/complaints/${tickets.onTime}/rating`, { satisfaction: "满意" })).status).toBe(200);
    const app = await machine("POST", "/api/v1/admin/applications", { itemCode: CODE, applicant: { name: "张三", phone: "13900001111" } });
    expect(app.status).toBe(201);
    application = app.json.number;
    expect((await machine("POST", `/api/v1/admin/applications/${app.json.number}/transitions`, { status: "accepted" })).status).toBe(200);
    // A month later: two tickets past their reply deadline (one then answered), the application overdue.
    clock.advanceHours(30 * 24);
    await reply(tickets.late);
    // Rated 不满意 on the return visit: a rectification opens.
    expect((await machine("POST", `/api/v1/admin/complaints/${tickets.late}/rating`, { satisfaction: "不满意" })).status).toBe(200);
    await runSupervision(applicationsDeps(svc.ctx));
    // The 督办 scan the job runs on its schedule: it is what puts a ticket in the 超期 queue.
    expect((await machine("POST", "/api/v1/admin/complaints/supervision/run")).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  it("counts the on-time rate with open overdue tickets as late, and 好差评 on the five-level scale", async () => {
    const d = (await machine("GET", "/api/v1/admin/dashboard")).json;
    expect(d.complaints.total).toBe(4);
    // Late: the one replied after its deadline, and the two still unanswered past theirs.
    expect(d.complaints.onTime).toEqual({ onTime: 1, late: 3, openOverdue: 2, rate: 0.25 });
    expect(d.complaints.byDepartment).toEqual([{ department: OWN, count: 3 }, { department: OTHER, count: 1 }]);
    expect(d.complaints.satisfaction.map((s: { level: string; count: number }) => [s.level, s.count])).toEqual([["非常满意", 0], ["满意", 1], ["基本满意", 0], ["不满意", 1], ["非常不满意", 0]]);
    const counts = (await machine("GET", "/api/v1/admin/supervision/counts")).json;
    expect(d.applications.map((a: any) => [a.department, a.warning, a.overdue])).toEqual(counts.departments.map((a: any) => [a.department, a.warning, a.overdue]));
    expect(d.applications).toHaveLength(1);
    expect(d.applications[0].overdue).toBe(1);
  });

  it("shows the same figures on the page as the API, the overdue queue, and a handler only their own department's", async () => {
    const admin = await signedInStaff(svc, "d-admin", "administrator");
    const api = (await admin.call("GET", "/api/v1/admin/dashboard")).json;
    const html = await (await fetch(`${svc.url}/admin`, { headers: { cookie: admin.cookie } })).text();
    expect(html).toContain('<strong id="kpi-ontime">25.0%</strong>');
    expect(html).toContain("按期1件，超期3件（含未答复超期2件）");
    expect(html).toContain(`<td>${api.applications[0].department}</td><td>${api.applications[0].warning}</td><td>${api.applications[0].overdue}</td>`);

    // The ticket's page shows the citizen's rating and the rectification it opened, with the recheck offered.
    const ticket = await (await fetch(`${svc.url}/admin/complaints/${tickets.late}`, { headers: { cookie: admin.cookie } })).text();
    expect(ticket).toMatch(/<dt>群众评价<\/dt><dd>不满意<\/dd>/);
    expect(ticket).toMatch(/<dt>整改<\/dt><dd>整改中/);
    expect(ticket).toContain('data-action="rectification/recheck"');

    // The 超期 queue: the two unanswered past their deadline with the countdown gone negative; a handler sees their own.
    const overdue = await (await fetch(`${svc.url}/admin/complaints?queue=overdue`, { headers: { cookie: admin.cookie } })).text();
    expect([tickets.open, tickets.elsewhere].every((t) => overdue.includes(t)) && !overdue.includes(tickets.onTime)).toBe(true);
    expect(overdue).toMatch(/class="countdown late"[^>]*>已超期/);
    // The application past its deadline: marked 超期 in the list filtered to 超期 and on its own page.
    const late = await (await fetch(`${svc.url}/admin/applications?supervision=overdue`, { headers: { cookie: admin.cookie } })).text();
    expect(late).toContain(application);
    expect(late).toContain("marker-overdue");
    expect(await (await fetch(`${svc.url}/admin/applications/${application}`, { headers: { cookie: admin.cookie } })).text()).toContain("marker-overdue");
    const own: StaffClient = await signedInStaff(svc, "d-own", "handler", OWN);
    const ownOverdue = await (await fetch(`${svc.url}/admin/complaints?queue=overdue`, { headers: { cookie: own.cookie } })).text();
    expect([ownOverdue.includes(tickets.open), ownOverdue.includes(tickets.elsewhere)]).toEqual([true, false]);
    const mine = (await own.call("GET", "/api/v1/admin/dashboard")).json;
    expect(mine.complaints.total).toBe(3);
    expect(mine.complaints.onTime).toEqual({ onTime: 1, late: 2, openOverdue: 1, rate: 1 / 3 });
    const other = await signedInStaff(svc, "d-other", "handler", OTHER);
    const theirs = (await other.call("GET", "/api/v1/admin/dashboard")).json;
    expect(theirs.complaints.total).toBe(1);
    expect(theirs.complaints.onTime).toEqual({ onTime: 0, late: 1, openOverdue: 1, rate: 0 });
    expect(theirs.complaints.satisfaction.every((s: { count: number }) => s.count === 0)).toBe(true);
    expect(theirs.applications).toEqual([]);
  });

  it("keeps another department's application from a handler, and a step from a role that may only read, with the console's codes", async () => {
    const deps = applicationsDeps(svc.ctx);
    const read = await getStaffApplication({ deps, number: application, role: "supervisor", onlyDepartment: undefined });
    // Accepted and overdue: the state machine's next steps are offered, but a supervisor only reads.
    expect([read.state.application.status, read.canAct, read.next.length > 0]).toEqual(["accepted", false, true]);
    const elsewhere = "某个别的部门";
    await expect(getStaffApplication({ deps, number: application, role: "handler", onlyDepartment: elsewhere })).rejects.toMatchObject({ reason: "application_outside_department", status: 404 });
    const step = (role: "handler" | "supervisor", onlyDepartment?: string) =>
      recordApplicationStep({ deps, number: application, status: read.next[0]!, role, onlyDepartment, actor: "test" });
    await expect(step("supervisor")).rejects.toMatchObject({ reason: "application_step_not_for_role", status: 403 });
    await expect(step("handler", elsewhere)).rejects.toMatchObject({ reason: "application_outside_department", status: 404 });
    expect((await getStaffApplication({ deps, number: application, role: "handler", onlyDepartment: read.state.application.department })).canAct).toBe(true);
  });
});
