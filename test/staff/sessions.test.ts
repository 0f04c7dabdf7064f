import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/platform/audit";
import { staffCapability } from "../../src/staff";
import { testDbKinds } from "../support/db";
import { startTestService, type TestService } from "../support/service";
import { createStaff, loginStaff, signedInStaff, STAFF_TEST_PASSWORD } from "../support/staff";
import { testStoreKinds } from "../support/store";

const TOKEN = "test-admin-token-staff-0123";
const a2 = (svc: TestService) => loginStaff(svc, "admin1");

// Sessions live in the store: every database × store pair the machine has.
const pairs = testDbKinds().flatMap((db) => testStoreKinds().map((store) => [db, store] as const));

describe.each(pairs)("staff sessions (%s, %s store)", (db, store) => {
  let svc: TestService;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(svc.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    svc = await startTestService({ db, redis: store === "redis", capabilities: [staffCapability()], env: { ADMIN_TOKEN: TOKEN, LOG_LEVEL: "warn" } });
    await createStaff(svc, "admin1", "administrator");
  });
  afterAll(async () => svc?.stop());

  it("logs in with an HttpOnly SameSite=Lax cookie, answers me with a CSRF token, and logs out", async () => {
    const res = await post("/api/v1/staff/login", { username: "Admin1", password: STAFF_TEST_PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("zw_staff="))!;
    expect(setCookie).toMatch(/httponly/i);
    expect(setCookie).toMatch(/samesite=lax/i);
    expect(setCookie).not.toMatch(/secure/i); // plain HTTP without a trusted proxy saying https
    const me = await loginStaff(svc, "admin1");
    const who = await me.call("GET", "/api/v1/staff/me");
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({ username: "admin1", role: "administrator", department: null, machine: false, csrfToken: me.csrf });
    // Signing in again from the same browser replaces its session rather than adding one.
    const again = await fetch(`${svc.url}/api/v1/staff/login`, {
      method: "POST", headers: { "content-type": "application/json", cookie: me.cookie }, body: JSON.stringify({ username: "admin1", password: STAFF_TEST_PASSWORD }),
    });
    expect(again.status).toBe(200);
    expect((await me.call("GET", "/api/v1/staff/me")).status).toBe(401);
    const renewed = await loginStaff(svc, "admin1");
    expect((await renewed.call("POST", "/api/v1/staff/logout", {})).status).toBe(200);
    expect((await renewed.call("GET", "/api/v1/staff/me")).json.error.code).toBe("staff_login_required");
  });

  it("marks the cookie Secure when a trusted proxy says the request came over HTTPS", async () => {
    const proxied = await startTestService({ db: "pglite", capabilities: [staffCapability()], env: { TRUST_PROXY: "loopback", LOG_LEVEL: "warn" } });
    try {
      await createStaff(proxied, "admin2", "administrator");
      const res = await fetch(`${proxied.url}/api/v1/staff/login`, {
        method: "POST", headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
        body: JSON.stringify({ username: "admin2", password: STAFF_TEST_PASSWORD }),
      });
      expect(res.headers.getSetCookie().find((c) => c.startsWith("zw_staff="))).toMatch(/secure/i);
    } finally {
      await proxied.stop();
    }
    // Without TRUST_PROXY the same header is anyone's claim.
    const res = await post("/api/v1/staff/login", { username: "admin1", password: STAFF_TEST_PASSWORD }, { "x-forwarded-proto": "https" });
    expect(res.headers.getSetCookie().find((c) => c.startsWith("zw_staff="))).not.toMatch(/secure/i);
  });

  it("answers 401 staff_login_required without a session and for a wrong bearer token; the machine token is its own principal", async () => {
    expect(((await (await fetch(`${svc.url}/api/v1/staff/me`)).json()) as any).error.code).toBe("staff_login_required");
    const bad = await fetch(`${svc.url}/api/v1/staff/me`, { headers: { authorization: "Bearer nope" } });
    expect(bad.status).toBe(401);
    const machine = await fetch(`${svc.url}/api/v1/staff/me`, { headers: { authorization: `Bearer ${TOKEN}`, "x-staff-name": encodeURIComponent("张三") } });
    expect(await machine.json()).toMatchObject({ username: "machine:admin-token", role: "administrator", machine: true, csrfToken: null });
  });

  it("refuses a state change with the session cookie but without the CSRF token (header or _csrf form field)", async () => {
    const a = await loginStaff(svc, "admin1");
    const without = await a.call("POST", "/api/v1/admin/accounts", { username: "x1", password: "long enough pw", role: "editor" }, { "x-csrf-token": "" });
    expect(without.status).toBe(403);
    expect(without.json.error.code).toBe("staff_csrf_invalid");
    const wrong = await a.call("POST", "/api/v1/staff/logout", {}, { "x-csrf-token": "A".repeat(43) });
    expect(wrong.json.error.code).toBe("staff_csrf_invalid");
    const form = await fetch(`${svc.url}/api/v1/staff/logout`, {
      method: "POST", headers: { cookie: a.cookie, "content-type": "application/x-www-form-urlencoded" }, body: `_csrf=${encodeURIComponent(a.csrf)}`,
    });
    expect(form.status).toBe(200);
    // Reads need no token; the machine token never does.
    const machine = await fetch(`${svc.url}/api/v1/admin/accounts`, {
      method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ username: "made-by-machine", password: "long enough pw", role: "editor" }),
    });
    expect(machine.status).toBe(201);
    const twice = await a2(svc).then((c) => c.call("POST", "/api/v1/admin/accounts", { username: "Made-By-Machine", password: "long enough pw", role: "editor" }));
    expect([twice.status, twice.json.error.code]).toEqual([409, "staff_username_taken"]);
    const noDept = await a2(svc).then((c) => c.call("POST", "/api/v1/admin/accounts", { username: "h-nodept", password: "long enough pw", role: "handler" }));
    expect(noDept.json.error.code).toBe("staff_department_required");
  });

  it("stores an argon2id hash, never the password", async () => {
    const row = await svc.ctx.db.prisma.staffAccount.findUniqueOrThrow({ where: { username: "admin1" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(STAFF_TEST_PASSWORD);
  });

  it("ends every session of an account when it is disabled, and lets it in again once enabled", async () => {
    const admin = await loginStaff(svc, "admin1");
    const ed = await signedInStaff(svc, `ed-${db}-${store}`, "editor");
    const second = await loginStaff(svc, ed.username);
    expect((await ed.call("GET", "/api/v1/staff/me")).status).toBe(200);
    const id = (await admin.call("GET", "/api/v1/admin/accounts")).json.items.find((a: any) => a.username === ed.username).id;
    expect((await admin.call("PATCH", `/api/v1/admin/accounts/${id}`, { disabled: true })).json).toMatchObject({ disabled: true });
    for (const s of [ed, second]) expect((await s.call("GET", "/api/v1/staff/me")).status).toBe(401);
    const again = await post("/api/v1/staff/login", { username: ed.username, password: STAFF_TEST_PASSWORD });
    expect(((await again.json()) as any).error.code).toBe("staff_account_disabled");
    await admin.call("PATCH", `/api/v1/admin/accounts/${id}`, { disabled: false });
    // (The audit route belongs to the catalog, not started here: read the log itself.)
    const { entries } = await listAudit({ prisma: svc.ctx.db.prisma, entity: `staff_account:${ed.username}`, page: 1, pageSize: 10 });
    const audit = entries.map((e) => [e.action, e.actor]);
    expect(audit).toEqual([["staff.enable", "admin1"], ["staff.disable", "admin1"], ["staff.create", "test"]]);
    expect((await (await loginStaff(svc, ed.username)).call("GET", "/api/v1/staff/me")).status).toBe(200);
    // An administrator cannot disable themselves.
    const selfId = (await admin.call("GET", "/api/v1/staff/me")).json.accountId;
    expect((await admin.call("PATCH", `/api/v1/admin/accounts/${selfId}`, { disabled: true })).json.error.code).toBe("staff_cannot_disable_self");
  });

  it("changes the password with the old one, keeps this session and ends the others", async () => {
    const name = `pw-${db}-${store}`;
    const here = await signedInStaff(svc, name, "reviewer");
    const elsewhere = await loginStaff(svc, name);
    const wrongOld = await here.call("POST", "/api/v1/staff/password", { oldPassword: "not it at all", newPassword: "a new long password" });
    expect(wrongOld.json.error.code).toBe("staff_password_wrong");
    const weak = await here.call("POST", "/api/v1/staff/password", { oldPassword: STAFF_TEST_PASSWORD, newPassword: "short" });
    expect(weak.json.error.code).toBe("staff_password_weak");
    expect((await here.call("POST", "/api/v1/staff/password", { oldPassword: STAFF_TEST_PASSWORD, newPassword: "a new long password" })).status).toBe(200);
    expect((await here.call("GET", "/api/v1/staff/me")).status).toBe(200);
    expect((await elsewhere.call("GET", "/api/v1/staff/me")).status).toBe(401);
    expect((await post("/api/v1/staff/login", { username: name, password: STAFF_TEST_PASSWORD })).status).toBe(401);
    await loginStaff(svc, name, "a new long password");
  });
});
