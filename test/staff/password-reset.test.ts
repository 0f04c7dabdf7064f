import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/platform/audit";
import { LOCKOUT, staffCapability } from "../../src/staff";
import { startTestService, type TestService } from "../support/service";
import { createStaff, loginStaff, signedInStaff, STAFF_TEST_PASSWORD, type StaffClient } from "../support/staff";

describe("an administrator resets a forgotten password", () => {
  let svc: TestService;
  let admin: StaffClient;
  const NEW = "given by the administrator";

  beforeAll(async () => {
    svc = await startTestService({ capabilities: [staffCapability()], env: { LOG_LEVEL: "warn" } });
    admin = await signedInStaff(svc, "admin1", "administrator");
  });
  afterAll(async () => svc?.stop());

  const idOf = async (username: string) => (await admin.call("GET", "/api/v1/admin/accounts")).json.items.find((a: any) => a.username === username).id as string;
  const login = (username: string, password: string) =>
    fetch(`${svc.url}/api/v1/staff/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });

  it("sets the new password, ends the account's sessions, lifts its lock-out, and logs who did it but not the password", async () => {
    await createStaff(svc, "forgetful", "editor");
    const session = await loginStaff(svc, "forgetful");
    for (let i = 0; i < LOCKOUT.attempts; i++) await login("forgetful", `guess-${i}`);
    expect((await login("forgetful", STAFF_TEST_PASSWORD)).status).toBe(429);
    const id = await idOf("forgetful");
    const reset = await admin.call("POST", `/api/v1/admin/accounts/${id}/password`, { password: NEW });
    expect(reset.status).toBe(200);
    expect(reset.json).toMatchObject({ username: "forgetful", locked: false });
    expect((await session.call("GET", "/api/v1/staff/me")).status).toBe(401);
    expect((await login("forgetful", STAFF_TEST_PASSWORD)).status).toBe(401);
    expect((await loginStaff(svc, "forgetful", NEW)).username).toBe("forgetful");
    const { entries } = await listAudit({ prisma: svc.ctx.db.prisma, entity: "staff_account:forgetful", page: 1, pageSize: 10 });
    const entry = entries.find((e) => e.action === "staff.password_reset")!;
    expect(entry.actor).toBe("admin1");
    expect(JSON.stringify(entry)).not.toContain(NEW);
  });

  it("refuses a weak password, an unknown account, and anyone but an administrator", async () => {
    await createStaff(svc, "other", "editor");
    const id = await idOf("other");
    expect((await admin.call("POST", `/api/v1/admin/accounts/${id}/password`, { password: "short" })).json.error.code).toBe("staff_password_weak");
    expect((await admin.call("POST", "/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000/password", { password: NEW })).status).toBe(404);
    const editor = await signedInStaff(svc, "peer", "editor");
    expect((await editor.call("POST", `/api/v1/admin/accounts/${id}/password`, { password: NEW })).json.error.code).toBe("staff_role_forbidden");
    expect((await login("other", STAFF_TEST_PASSWORD)).status).toBe(200);
  });
});
