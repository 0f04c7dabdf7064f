import crypto from "node:crypto";
import { complaintsCapability, type ComplaintsOptions } from "../../src/complaints";
import { holidayCalendar } from "../../src/calendar";
import { notify } from "../../src/notifications";
import type { Capability } from "../../src/platform/capability";
import { miniprogramCapability, createSession } from "../../src/miniprogram";
import type { DbKind } from "../../src/platform/db";
import { startTestService, type TestService } from "../support/service";
import { signedInStaff, type StaffClient } from "../support/staff";
import { staffCapability } from "../../src/staff";

export const ADMIN_TOKEN = "test-admin-token-complaints";

/** A movable clock for deadlines and supervision. */
export function testClock(start: string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => void (t = new Date(iso).getTime()),
    advanceHours: (h: number) => void (t += h * 3_600_000),
  };
}

/** Deterministic stand-in for the trained model: keywords → category and confidence. */
export function fakeClassify(text: string) {
  if (/垃圾|污水|噪音|油烟/.test(text)) return { category: "环境保护", confidence: 0.95 };
  if (/工资|社保|欠薪/.test(text)) return { category: "劳动和社会保障", confidence: 0.92 };
  if (/公交|道路|红绿灯/.test(text)) return { category: "交通运输", confidence: 0.9 };
  return { category: "城乡建设", confidence: 0.3 };
}

export interface Harness {
  service: TestService;
  cap: ReturnType<typeof complaintsCapability>;
  /** Notices sent (one per dedupeKey, as the notifications capability makes them). */
  notices: { dedupeKey: string; userId?: string; oaOpenid?: string; fields: Record<string, string | Date> }[];
  /** Make the next `failNotices` sends throw (WeChat unreachable, or a crash before the send). */
  noticeFaults: { failNotices: number };
  /** A staff call: as the signed-in account `username` (made on first use), else with the machine token. */
  staff(method: string, path: string, body?: unknown, username?: string): Promise<{ status: number; json: any }>;
  mpToken(userId?: string): Promise<{ token: string; userId: string }>;
  /** Files a complaint from the mini-program as a new citizen (any other body fields too); its ticket number. */
  fileFromMiniProgram(body: { text: string } & Record<string, unknown>): Promise<string>;
}

export async function startComplaints(
  db: DbKind,
  o: {
    now?: () => Date;
    env?: Record<string, string>;
    options?: Partial<ComplaintsOptions>;
    databaseUrl?: string;
    /** More capabilities beside the mini-program and complaints (e.g. notifications, catalog). */
    capabilities?: Capability[];
    /** Send replies through the real notifications capability instead of recording them in `notices`. */
    realNotify?: boolean;
    /** BullMQ on the test Redis instead of the in-process queue. */
    redis?: boolean;
  } = {},
): Promise<Harness> {
  const notices: Harness["notices"] = [];
  const noticeFaults = { failNotices: 0 };
  const cap = complaintsCapability({
    classify: fakeClassify,
    confidenceThreshold: 0.6,
    calendar: (ctx) => holidayCalendar(ctx),
    ...(o.realNotify
      ? { notify: async (app, n) => void (await notify(app, n)) }
      : {
          notify: async (_app, n) => {
            if (noticeFaults.failNotices > 0) {
              noticeFaults.failNotices--;
              throw new Error("notice not sent (test fault)");
            }
            if (!notices.some((x) => x.dedupeKey === n.dedupeKey)) notices.push(n);
          },
        }),
    supervisionEveryMs: 3_600_000,
    hotThreshold: 3,
    ...o.options,
  });
  const service = await startTestService({
    db,
    now: o.now,
    env: { ADMIN_TOKEN, LOG_LEVEL: "warn", ...o.env },
    capabilities: [staffCapability(), miniprogramCapability(), ...(o.capabilities ?? []), cap],
    ...(o.redis ? { redis: true } : {}),
    ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}),
  });
  const signedIn: Record<string, Promise<StaffClient>> = {};
  return {
    service,
    cap,
    notices,
    noticeFaults,
    async staff(method, path, body, username) {
      // A named staff member signs in with an account of their own (an administrator); otherwise the machine token.
      if (username) {
        const client = (signedIn[username] ??= signedInStaff(service, username, "administrator"));
        const r = await (await client).call(method, path, body);
        return { status: r.status, json: r.json };
      }
      const res = await fetch(service.url + path, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    async mpToken(userId = crypto.randomUUID()) {
      const { token } = await createSession(service.ctx, userId);
      return { token, userId };
    },
    async fileFromMiniProgram(body) {
      const { token } = await createSession(service.ctx, crypto.randomUUID());
      const res = await fetch(`${service.url}/api/v1/mp/complaints`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { ticketNo: string }).ticketNo;
    },
  };
}

/** Smallest valid image headers, padded. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(64)]);
export const WEBP_BYTES = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x40, 0, 0, 0]), Buffer.from("WEBPVP8 "), crypto.randomBytes(64)]);
