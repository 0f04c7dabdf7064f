import { createAccount, type Role } from "../../src/staff";
import type { TestService } from "./service";

/** A signed-in staff member's HTTP client: the session cookie and the CSRF token on every call. */
export interface StaffClient {
  username: string;
  cookie: string;
  csrf: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; headers: Headers }>;
}

export const STAFF_TEST_PASSWORD = "correct horse battery";

/** Creates an account straight through the staff capability (as the CLI does). */
export async function createStaff(svc: TestService, username: string, role: Role, department: string | null = null, password = STAFF_TEST_PASSWORD) {
  return createAccount(svc.ctx, { username, password, role, department, actor: "test" });
}

/** Signs in through POST /api/v1/staff/login, as a browser would. */
export async function loginStaff(svc: TestService, username: string, password = STAFF_TEST_PASSWORD): Promise<StaffClient> {
  const res = await fetch(`${svc.url}/api/v1/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("zw_staff="))!.split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return staffClient(svc, username, cookie, csrfToken);
}

export function staffClient(svc: TestService, username: string, cookie: string, csrf: string): StaffClient {
  return {
    username, cookie, csrf,
    async call(method, path, body, headers = {}) {
      const res = await fetch(svc.url + path, {
        method,
        headers: { cookie, "x-csrf-token": csrf, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null), headers: res.headers };
    },
  };
}

/** Creates and signs in one account. */
export async function signedInStaff(svc: TestService, username: string, role: Role, department: string | null = null): Promise<StaffClient> {
  await createStaff(svc, username, role, department);
  return loginStaff(svc, username);
}
