import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../src/miniprogram";
import { ADMIN_POLICY, ROLES, type Role } from "../../src/staff";
import { testDbKinds } from "../support/db";
import { startTestService, type TestService } from "../support/service";
import { signedInStaff, type StaffClient } from "../support/staff";
import { registeredAdminRoutes } from "./route-table";

const TOKEN = "test-admin-token-matrix-0123";
// Two departments of the shipped guides, each with an item.
const OWN = { department: "青海省公安厅", item: "QH-630000-GAT-002" };
const OTHER = { department: "国家税务总局青海省税务局", item: "QH-630000-SWJ-001" };
const APPLICANT = { name: "张三丰", idNumber: "630102199001011234", phone: "13912345678" };
// Valid bodies of the ticket moves a handler makes.
const HANDLER_BODIES: Record<string, unknown> = {
  return: { reason: "不属于本部门" }, progress: { note: "正在办理" }, extension: { workdays: 2, reason: "需要现场核查" },
  reply: { replyText: "已处理" }, appeal: { reason: "评价有误" },
};
const NOT_FOUND = new Set(["ticket_not_found", "application_not_found"]);
const GUARD_CODES = new Set(["staff_login_required", "staff_role_forbidden", "staff_csrf_invalid", "staff_route_without_policy"]);

type Records = { ticket: string; application: string };

describe.each(testDbKinds())("authorization matrix over every /api/v1/admin route (%s)", (db) => {
  let svc: TestService;
  const clients = {} as Record<Role, StaffClient>;
  const records = {} as { own: Records; other: Records };
  let accountId = "";

  const machine = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(svc.url + path, {
      method, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as any };
  };

  async function complaintIn(department: string): Promise<string> {
    const { token } = await createSession(svc.ctx, crypto.randomUUID());
    const res = await fetch(`${svc.url}/api/v1/mp/complaints`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: `窗口办理时间太长，排队两个小时还没有办上，希望改进（${department}）` }),
    });
    const { ticketNo } = (await res.json()) as { ticketNo: string };
    // The classifier may have dispatched it already: send it back first, then to the department wanted.
    if ((await machine("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.status === "dispatched") {
      await machine("POST", `/api/v1/admin/complaints/${ticketNo}/return`, { reason: "测试改派" });
    }
    const d = await machine("POST", `/api/v1/admin/complaints/${ticketNo}/dispatch`, { department });
    expect(d.json.department).toBe(department);
    return ticketNo;
  }

  async function applicationOf(item: string): Promise<string> {
    const r = await machine("POST", "/api/v1/admin/applications", { itemCode: item, applicant: APPLICANT, channel: "counter" });
    expect(r.status).toBe(201);
    return r.json.number;
  }

  beforeAll(async () => {
    // The production composition (every capability) with the shipped guides.
    svc = await startTestService({ db, env: { ADMIN_TOKEN: TOKEN, AUTO_IMPORT_GUIDES: "true", LOG_LEVEL: "warn" } });
    records.own = { ticket: await complaintIn(OWN.department), application: await applicationOf(OWN.item) };
    records.other = { ticket: await complaintIn(OTHER.department), application: await applicationOf(OTHER.item) };
    for (const role of ROLES) clients[role] = await signedInStaff(svc, `m-${role}`, role, role === "handler" ? OWN.department : null);
    accountId = (await machine("POST", "/api/v1/admin/accounts", { username: "m-target", password: "long enough pw", role: "editor" })).json.id;
  }, 240_000);
  afterAll(async () => svc?.stop());

  it("has a policy for exactly the admin routes the service registers (a new route without one fails here)", () => {
    expect(registeredAdminRoutes(svc.router!)).toEqual(Object.keys(ADMIN_POLICY).sort());
  });

  /** A concrete request for a route, against one department's records. */
  function request(key: string, r: Records): { method: string; path: string; body?: unknown } {
    const [method, pattern] = key.split(" ") as [string, string];
    const path = pattern
      .replace("/accounts/:id", `/accounts/${accountId}`)
      .replace(":code", OWN.item).replace(":v", "1").replace(":ref", r.ticket).replace(":number", r.application)
      .replace(":position", "0").replace(":category", "环境保护").replace(":year", "2031").replace(":id", crypto.randomUUID());
    if (method === "GET" || method === "DELETE") return { method, path };
    if (key === "POST /api/v1/admin/applications") {
      return { method, path, body: { itemCode: r === records.own ? OWN.item : OTHER.item, applicant: APPLICANT, channel: "counter" } };
    }
    // A valid body where handlers act (the department check must answer, not validation); else an
    // empty one: validation (400) runs after the guard, so most allowed calls change nothing.
    const action = pattern.split("/").slice(6).join("/");
    return { method, path, body: pattern.startsWith("/api/v1/admin/complaints/:ref/") ? (HANDLER_BODIES[action] ?? {}) : key.endsWith("/transitions") ? { status: "under_review" } : {} };
  }

  const keys = Object.keys(ADMIN_POLICY).sort();

  it.each(keys)("%s: refused without a login, forbidden to the roles its policy leaves out", async (key) => {
    const { method, path, body } = request(key, records.other);
    const anon = await fetch(svc.url + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(anon.status).toBe(401);
    for (const role of ROLES) {
      const policy = ADMIN_POLICY[key]!;
      const res = await clients[role].call(method, path, body);
      if (!policy.roles.includes(role)) {
        expect([role, res.status, res.json?.error?.code]).toEqual([role, 403, "staff_role_forbidden"]);
      } else if (role !== "handler" || !policy.department) {
        // Allowed: whatever the route answers, it is not the guard's refusal, and every department is visible.
        expect([role, res.status]).not.toEqual([role, 401]);
        expect(GUARD_CODES.has(res.json?.error?.code) || NOT_FOUND.has(res.json?.error?.code) ? [role, res.json.error.code] : null).toBeNull();
      }
    }
  });

  // 退回 hands the ticket back to the dispatcher (it stops being the department's): tried last.
  const departmentRoutes = keys.filter((k) => ADMIN_POLICY[k]!.department).sort((a, b) => Number(a.endsWith("/return")) - Number(b.endsWith("/return")));

  it("limits handlers to their department on every route that shows records (complaints, applications, alerts)", () => {
    for (const k of keys) if (/complaints|applications|alerts/.test(k) && ADMIN_POLICY[k]!.roles.includes("handler")) expect([k, ADMIN_POLICY[k]!.department]).toEqual([k, true]);
  });

  it.each(departmentRoutes)("%s: a handler reaches its own department's records and never another's", async (key) => {
    expect(ADMIN_POLICY[key]!.roles).toContain("handler");
    const handler = clients.handler;
    const own = request(key, records.own);
    const other = request(key, records.other);
    const mine = await handler.call(own.method, own.path, own.body);
    expect(GUARD_CODES.has(mine.json?.error?.code) || NOT_FOUND.has(mine.json?.error?.code) ? mine.json.error.code : null).toBeNull();
    if (!/:ref|:number/.test(key)) {
      if (key === "POST /api/v1/admin/applications") {
        expect(mine.status).toBe(201);
        expect((await handler.call(other.method, other.path, other.body)).json.error.code).toBe("unknown_item");
        return;
      }
      // A list: only the handler's department, even when another is asked for by name.
      const items: { department: string; ticketNo?: string; number?: string }[] = mine.json.items;
      expect(items.every((i) => i.department === OWN.department)).toBe(true);
      const asked = await handler.call("GET", `${own.path}?department=${encodeURIComponent(OTHER.department)}`);
      expect(asked.json.items).toEqual([]);
      if (key.endsWith("/complaints")) expect(items.map((i) => i.ticketNo)).toContain(records.own.ticket);
      if (key.endsWith("/applications")) expect(items.map((i) => i.number)).toContain(records.own.application);
      return;
    }
    const theirs = await handler.call(other.method, other.path, other.body);
    expect([theirs.status, NOT_FOUND.has(theirs.json?.error?.code)]).toEqual([404, true]);
    // Any other number it might try answers the same as one that exists elsewhere.
    const guessed = await handler.call(other.method, other.path.replace(records.other.ticket, "TS20260101ZZZZZZ").replace(records.other.application, "QH20260101ZZZZZZZZZZZ"), other.body);
    expect(guessed.status).toBe(404);
    // An administrator sees the other department's record.
    const admin = await clients.administrator.call(other.method, other.path, other.body);
    expect(NOT_FOUND.has(admin.json?.error?.code)).toBe(false);
  });
});
