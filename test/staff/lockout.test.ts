import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKOUT, staffCapability } from "../../src/staff";
import { testDbKinds } from "../support/db";
import { startTestService, type TestService } from "../support/service";
import { createStaff, loginStaff, STAFF_TEST_PASSWORD } from "../support/staff";
import { testStoreKinds } from "../support/store";

const pairs = testDbKinds().flatMap((db) => testStoreKinds().map((store) => [db, store] as const));

describe.each(pairs)("staff lock-out (%s, %s store)", (db, store) => {
  let svc: TestService;
  let now = new Date("2026-03-02T02:00:00Z");
  const login = async (username: string, password: string) => {
    const res = await fetch(`${svc.url}/api/v1/staff/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
    return { status: res.status, retryAfter: res.headers.get("retry-after"), code: ((await res.json()) as any).error?.code as string | undefined };
  };
  const minutes = (m: number) => void (now = new Date(now.getTime() + m * 60_000));

  beforeAll(async () => {
    svc = await startTestService({ db, redis: store === "redis", now: () => now, capabilities: [staffCapability()], env: { LOG_LEVEL: "warn" } });
    await createStaff(svc, "clerk", "dispatcher");
  });
  afterAll(async () => svc?.stop());

  it(`locks an account for ${LOCKOUT.lockMinutes} minutes after ${LOCKOUT.attempts} wrong passwords within ${LOCKOUT.windowMinutes}, even against the right one`, async () => {
    for (let i = 1; i < LOCKOUT.attempts; i++) expect(await login("clerk", `wrong-${i}`)).toMatchObject({ status: 401, code: "staff_login_failed" });
    const fifth = await login("clerk", "wrong-5");
    expect(fifth).toMatchObject({ status: 429, code: "staff_account_locked" });
    expect(Number(fifth.retryAfter)).toBe(LOCKOUT.lockMinutes * 60);
    expect(await login("clerk", STAFF_TEST_PASSWORD)).toMatchObject({ status: 429, code: "staff_account_locked" });
    minutes(LOCKOUT.lockMinutes - 1);
    expect((await login("clerk", STAFF_TEST_PASSWORD)).code).toBe("staff_account_locked");
    minutes(2);
    expect((await login("clerk", STAFF_TEST_PASSWORD)).status).toBe(200);
    // A successful login clears the count.
    const row = await svc.ctx.db.prisma.staffAccount.findUniqueOrThrow({ where: { username: "clerk" } });
    expect([row.failedAttempts, row.lockedUntil]).toEqual([0, null]);
  });

  it("lets an administrator lift a lock-out by enabling the account", async () => {
    await createStaff(svc, `boss-${db}-${store}`, "administrator");
    const boss = await loginStaff(svc, `boss-${db}-${store}`);
    for (let i = 1; i <= LOCKOUT.attempts; i++) await login("clerk", `wrong-${i}`);
    expect((await login("clerk", STAFF_TEST_PASSWORD)).code).toBe("staff_account_locked");
    const id = (await boss.call("GET", "/api/v1/admin/accounts")).json.items.find((a: any) => a.username === "clerk").id;
    expect((await boss.call("GET", "/api/v1/admin/accounts")).json.items.find((a: any) => a.username === "clerk").locked).toBe(true);
    expect((await boss.call("PATCH", `/api/v1/admin/accounts/${id}`, { disabled: false })).json).toMatchObject({ disabled: false, locked: false });
    expect((await login("clerk", STAFF_TEST_PASSWORD)).status).toBe(200);
  });

  it("forgets failures older than the window", async () => {
    for (let i = 1; i < LOCKOUT.attempts; i++) await login("clerk", `wrong-${i}`);
    minutes(LOCKOUT.windowMinutes + 1);
    expect((await login("clerk", "wrong-again")).code).toBe("staff_login_failed");
    expect((await login("clerk", STAFF_TEST_PASSWORD)).status).toBe(200);
  });

  it("answers an unknown username exactly as a known one, lock-out included", async () => {
    for (let i = 1; i < LOCKOUT.attempts; i++) expect(await login("nobody-here", `wrong-${i}`)).toMatchObject({ status: 401, code: "staff_login_failed" });
    // The store counts unknown names per window, so a guesser cannot tell them from accounts by the lock.
    expect(await login("nobody-here", "wrong-5")).toMatchObject({ status: 429, code: "staff_account_locked" });
    expect(await login("nobody-here", "wrong-6")).toMatchObject({ status: 429, code: "staff_account_locked" });
    expect((await login("", "x")).status).toBe(400);
  });
});
