import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { recordConsents } from "../../src/miniprogram";
import { notificationsCapability } from "../../src/notifications";
import type { DbKind } from "../../src/platform/db";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { sh, startHarness, type Harness } from "./harness";

export const SUBSCRIBE = "/cgi-bin/message/subscribe/send";
export const TEMPLATE = "/cgi-bin/message/template/send";
export const MP_TEMPLATE = "tpl-mp-application";
export const OA_TEMPLATE = "tpl-oa-application";

export type SentBody = { touser: string; template_id: string; page?: string; url?: string; miniprogram?: { appid: string; pagepath: string }; data: Record<string, { value: string }> };

/** The applications harness with real notifications sending to the fake WeChat server. */
export function startNoticeHarness(db: DbKind, fake: FakeWechat): Promise<Harness> {
  return startHarness(db, sh("2025-11-03 08:00"), {
    capabilities: [notificationsCapability()],
    env: {
      MP_APPID: "wxmp-test",
      MP_APPSECRET: "mp-secret",
      MP_API_BASE: fake.url,
      MP_SUBSCRIBE_TEMPLATE_APPLICATION: MP_TEMPLATE,
      WECHAT_TOKEN: "oa-token",
      WECHAT_APPID: "wxoa-test",
      WECHAT_APPSECRET: "oa-secret",
      WECHAT_API_BASE: fake.url,
      WECHAT_TEMPLATE_APPLICATION: OA_TEMPLATE,
    },
  });
}

/** One describe block's fake WeChat server and notice harness: started once, the fake's record cleared before each test. */
export function noticeSuite(db: DbKind): { readonly h: Harness; readonly fake: FakeWechat } {
  const s = {} as { h: Harness; fake: FakeWechat };
  beforeAll(async () => {
    s.fake = await startFakeWechat();
    s.h = await startNoticeHarness(db, s.fake);
  }, 60_000);
  afterAll(async () => {
    await s.h?.stop();
    await s.fake?.close();
  });
  beforeEach(() => s.fake.reset());
  return s;
}

export interface Applicant {
  userId: string;
  phone: string;
  mpOpenid?: string;
  oaOpenid?: string;
}

/** A citizen with a bound phone: in the mini-program (with `consents` allowances) and/or following the OA. */
export async function applicant(h: Harness, o: { mp?: boolean; oa?: boolean; consents?: number }): Promise<Applicant> {
  const phone = `139${crypto.randomInt(10_000_000, 99_999_999)}`;
  const tag = crypto.randomBytes(6).toString("hex");
  const mpOpenid = o.mp ? `mp_${tag}` : undefined;
  const oaOpenid = o.oa ? `oa_${tag}` : undefined;
  const userId = await h.addUser({ phone, ...(mpOpenid ? { mpOpenid } : {}), ...(oaOpenid ? { oaOpenid } : {}) });
  if (o.consents) await recordConsents(h.service.ctx, userId, Array.from({ length: o.consents }, () => MP_TEMPLATE));
  return { userId, phone, ...(mpOpenid ? { mpOpenid } : {}), ...(oaOpenid ? { oaOpenid } : {}) };
}

/** What WeChat received for `touser` on `path`, oldest first. */
export const sentTo = (fake: FakeWechat, path: string, touser: string | undefined): SentBody[] =>
  fake.calls(path).map((c) => c.body as SentBody).filter((b) => b.touser === touser);

/** Moves an application through `steps` (status, details), an hour apart, and sends the notices. */
export async function walk(h: Harness, number: string, steps: [string, Record<string, unknown>?][]): Promise<void> {
  // Each change's notice is out before the next change, as an hour apart they would be.
  await h.service.ctx.queue.drain(10_000);
  for (const [status, details] of steps) {
    const at = new Date(h.clock.now.getTime() + 3_600_000);
    const r = await h.move(number, status, at, details);
    if (r.status !== 200 && r.status !== 201) throw new Error(`move ${status}: ${r.status} ${JSON.stringify(r.body)}`);
    await h.service.ctx.queue.drain(10_000);
  }
}
