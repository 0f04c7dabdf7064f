import { startTestService, type TestService } from "../support/service";
import type { FakeWechat } from "../support/fake-wechat";
import type { DbKind } from "../../src/platform/db";
import { miniprogramCapability } from "../../src/miniprogram";
import { notificationsCapability } from "../../src/notifications";

export const MP_TEMPLATE_APPLICATION = "tpl-mp-application";
export const MP_TEMPLATE_COMPLAINT = "tpl-mp-complaint";
export const OA_TEMPLATE_APPLICATION = "tpl-oa-application";
export const ADMIN_TOKEN = "admin-secret-token-for-tests";

/** A clock the test moves (sessions expire by ctx.now). */
export function testClock(start = Date.parse("2026-11-25T02:00:00Z")) {
  let t = start;
  return { now: () => new Date(t), advance: (seconds: number) => void (t += seconds * 1000) };
}

export interface MpHarness {
  service: TestService;
  /** Every response body seen, for the "no personal data in responses" check. */
  bodies: string[];
  call(method: string, path: string, opts?: { token?: string; body?: unknown; ip?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  login(code: string, ip?: string): Promise<{ token: string; expiresAt: string; user: { id: string } }>;
}

export async function startMpService(
  db: DbKind,
  fake: FakeWechat,
  opts: { env?: Record<string, string>; now?: () => Date } = {},
): Promise<MpHarness> {
  const service = await startTestService({
    db,
    now: opts.now,
    capabilities: [miniprogramCapability(), notificationsCapability()],
    env: {
      MP_APPID: "wxmp-test",
      MP_APPSECRET: "mp-secret",
      MP_API_BASE: fake.url,
      MP_SUBSCRIBE_TEMPLATE_APPLICATION: MP_TEMPLATE_APPLICATION,
      MP_SUBSCRIBE_TEMPLATE_COMPLAINT: MP_TEMPLATE_COMPLAINT,
      WECHAT_TOKEN: "oa-token",
      WECHAT_APPID: "wxoa-test",
      WECHAT_APPSECRET: "oa-secret",
      WECHAT_API_BASE: fake.url,
      WECHAT_TEMPLATE_APPLICATION: OA_TEMPLATE_APPLICATION,
      ADMIN_TOKEN,
      SESSION_TTL_SECONDS: "3600",
      // Calls come "through a proxy on loopback" with a client address of their own (see call()).
      TRUST_PROXY: "loopback",
      ...opts.env,
    },
  });
  const bodies: string[] = [];
  let n = 0;
  const call: MpHarness["call"] = async (method, path, o = {}) => {
    const res = await fetch(service.url + path, {
      method,
      headers: {
        "content-type": "application/json",
        // A distinct client IP per harness call site unless given, so per-IP limits stay out of the way.
        "x-forwarded-for": o.ip ?? `10.0.${Math.floor(++n / 250) % 250}.${n % 250}`,
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  const login: MpHarness["login"] = async (code, ip) => {
    const r = await call("POST", "/api/v1/mp/login", { body: { code }, ip });
    if (r.status !== 200) throw new Error(`login ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { service, bodies, call, login };
}
