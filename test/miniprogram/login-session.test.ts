import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { testDbKinds } from "../support/db";
import { findOrCreateUserByOpenid, phoneLookupKey } from "../../src/users";
import { loginWithCode } from "../../src/miniprogram/login-with-code";
import { notify } from "../../src/notifications";
import { startMpService, testClock, ADMIN_TOKEN, MP_TEMPLATE_APPLICATION, type MpHarness } from "./harness";

/** A valid resident ID number (GB 11643 check digit) for the test. */
function idNumber(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + "10X98765432"[sum % 11]!;
}

const PHONE = "13812345678";
const ID = idNumber("63010219900101123");
const SESSION_KEY = "c2Vzc2lvbktleVNlY3JldDE=";
const NAME = "欧阳明华";


describe.each(testDbKinds())("mini-program login and sessions (%s)", (db) => {
  let fake: FakeWechat;
  let h: MpHarness;
  const clock = testClock();

  beforeAll(async () => {
    fake = await startFakeWechat();
    h = await startMpService(db, fake, { now: clock.now });
  });
  afterAll(async () => {
    await h?.service.stop();
    await fake?.close();
  });

  it("logs in with a wx.login code and returns an opaque token with an expiry, never the session_key", async () => {
    fake.addLogin("code-a", { openid: "mp-openid-a", session_key: "SESSIONKEYAAAA==" });
    const r = await h.call("POST", "/api/v1/mp/login", { body: { code: "code-a" } });
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(r.body.expiresAt)).toBe(clock.now().getTime() + 3600_000);
    expect(JSON.stringify(r.body)).not.toContain("SESSIONKEYAAAA");
    expect(JSON.stringify(r.body)).not.toContain("mp-openid-a");
    const row = await h.service.ctx.db.prisma.user.findUniqueOrThrow({ where: { mpOpenid: "mp-openid-a" } });
    expect(row.mpSessionKeyEnc).toMatch(/^v1:/);
    expect(h.service.ctx.crypto.decrypt(row.mpSessionKeyEnc!)).toBe("SESSIONKEYAAAA==");
    const code2session = fake.calls("/sns/jscode2session")[0]!;
    expect(code2session.query).toMatchObject({ appid: "wxmp-test", js_code: "code-a", grant_type: "authorization_code" });
  });

  it("answers 503 not_configured without MP_APPID, asking WeChat nothing", async () => {
    const c = h.service.ctx;
    const off = { ...c, config: { ...c.config, MP_APPID: undefined, features: { ...c.config.features, miniprogram: false } } };
    const before = fake.requests.length;
    const err = await loginWithCode(off, "x").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "not_configured", reason: "miniprogram_not_configured", status: 503 });
    expect(fake.requests.length).toBe(before);
  });

  it("answers 401 for a wrong or reused code", async () => {
    const wrong = await h.call("POST", "/api/v1/mp/login", { body: { code: "nope" } });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, "login_code_invalid"]);
    expect((await h.call("POST", "/api/v1/mp/login", { body: { code: "code-a" } })).status).toBe(401);
    expect((await h.call("POST", "/api/v1/mp/login", { body: {} })).status).toBe(400);
  });

  it("links the mini-program login to the Official Account user with the same unionid", async () => {
    const oaUser = await findOrCreateUserByOpenid(h.service.ctx, { oaOpenid: "oa-openid-b", unionid: "union-b" });
    fake.addLogin("code-b", { openid: "mp-openid-b", unionid: "union-b" });
    const s = await h.login("code-b");
    expect(s.user.id).toBe(oaUser.id);
    const me = await h.call("GET", "/api/v1/mp/me", { token: s.token });
    expect(me.body.channels).toEqual({ officialAccount: true, miniProgram: true });
    expect(await h.service.ctx.db.prisma.user.count({ where: { unionid: "union-b" } })).toBe(1);
    // And back: the OA side finds the same user by its openid.
    const again = await findOrCreateUserByOpenid(h.service.ctx, { oaOpenid: "oa-openid-b" });
    expect(again.id).toBe(oaUser.id);
  });

  it("binds the phone from getPhoneNumber, encrypted, masked, findable by blind index", async () => {
    fake.addLogin("code-c", { openid: "mp-openid-c" });
    fake.addPhone("phone-code-c", "13912345678");
    const s = await h.login("code-c");
    const r = await h.call("POST", "/api/v1/mp/phone", { token: s.token, body: { code: "phone-code-c" } });
    expect(r.status).toBe(200);
    expect(r.body.phone).toBe("139****5678");
    const row = await h.service.ctx.db.prisma.user.findUniqueOrThrow({ where: { id: s.user.id } });
    expect(row.phoneEnc).not.toContain("13912345678");
    expect(row.phoneIndex).toBe(phoneLookupKey(h.service.ctx, "+86 139-1234-5678"));
    expect((await h.call("POST", "/api/v1/mp/phone", { token: s.token, body: { code: "wrong" } })).status).toBe(401);
    expect((await h.call("POST", "/api/v1/mp/phone", { body: { code: "phone-code-c" } })).status).toBe(401);
  });

  it("rejects missing, malformed and revoked tokens with 401; logout revokes", async () => {
    fake.addLogin("code-d", { openid: "mp-openid-d" });
    const s = await h.login("code-d");
    expect((await h.call("GET", "/api/v1/mp/me")).status).toBe(401);
    expect((await h.call("GET", "/api/v1/mp/me", { token: "not-a-token" })).status).toBe(401);
    expect((await h.call("GET", "/api/v1/mp/me", { token: s.token })).status).toBe(200);
    expect((await h.call("POST", "/api/v1/mp/logout", { token: s.token })).status).toBe(200);
    expect((await h.call("GET", "/api/v1/mp/me", { token: s.token })).status).toBe(401);
    expect((await h.call("POST", "/api/v1/mp/logout", { token: s.token })).status).toBe(401);
  });

  it("expires a session after SESSION_TTL_SECONDS of inactivity, sliding on each use", async () => {
    fake.addLogin("code-e", { openid: "mp-openid-e" });
    const s = await h.login("code-e");
    clock.advance(3000);
    expect((await h.call("GET", "/api/v1/mp/me", { token: s.token })).status).toBe(200);
    clock.advance(3000); // 6000 s after login, 3000 s after the last use
    const slid = await h.call("GET", "/api/v1/mp/session", { token: s.token });
    expect(slid.status).toBe(200);
    expect(Date.parse(slid.body.expiresAt)).toBe(clock.now().getTime() + 3600_000);
    clock.advance(3601);
    expect((await h.call("GET", "/api/v1/mp/me", { token: s.token })).status).toBe(401);
  });

  it("records subscribe acceptances of known templates only", async () => {
    fake.addLogin("code-f", { openid: "mp-openid-f" });
    const s = await h.login("code-f");
    const r = await h.call("POST", "/api/v1/mp/subscriptions", {
      token: s.token,
      body: { accepted: ["tpl-mp-application", "tpl-mp-application", "unknown-template"], rejected: ["tpl-mp-complaint"] },
    });
    expect(r.status).toBe(200);
    expect(r.body.recorded).toBe(2);
    expect(r.body.available).toEqual({ "tpl-mp-application": 2, "tpl-mp-complaint": 0 });
    expect(r.body.templates).toEqual({ application: "tpl-mp-application", complaint: "tpl-mp-complaint" });
  });

  it("answers 429 with Retry-After on a login flood from one IP", async () => {
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 32; i++) {
      const r = await h.call("POST", "/api/v1/mp/login", { body: { code: `flood-${i}` }, ip });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get("retry-after");
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Another IP is not affected.
    expect((await h.call("POST", "/api/v1/mp/login", { body: { code: "flood-x" }, ip: "203.0.113.78" })).status).toBe(401);
  });

  it("limits writes per user across IPs", async () => {
    fake.addLogin("code-g", { openid: "mp-openid-g" });
    const s = await h.login("code-g");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await h.call("POST", "/api/v1/mp/subscriptions", { token: s.token, body: { accepted: [] } })).status);
    }
    expect(statuses.filter((x) => x === 200)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  // Last on purpose: the logs and response bodies of every test above are checked too.
  it("never shows a full phone, ID number, name or session_key in any response, log line or stored row of the run", async () => {
    fake.addLogin("code-p", { openid: "mp-openid-p", unionid: "union-p", session_key: SESSION_KEY });
    fake.addPhone("phone-p", PHONE);
    const s = await h.login("code-p");
    const phone = await h.call("POST", "/api/v1/mp/phone", { token: s.token, body: { code: "phone-p" } });
    expect(phone.body.phone).toBe("138****5678");
    const rn = await h.call("POST", "/api/v1/mp/real-name", { token: s.token, body: { name: NAME, idNumber: ID } });
    expect(rn.status).toBe(200);
    expect(rn.body).toMatchObject({ realName: "欧阳**", idNumber: "630102********" + ID.slice(-4), phone: "138****5678" });
    // A bad ID number is rejected; its echo in the error must be masked too.
    const bad = await h.call("POST", "/api/v1/mp/real-name", { token: s.token, body: { name: NAME, idNumber: ID.slice(0, 17) + (ID.endsWith("1") ? "2" : "1") } });
    expect(bad.status).toBe(422);
    await h.call("GET", "/api/v1/mp/me", { token: s.token });
    await h.call("POST", "/api/v1/mp/subscriptions", { token: s.token, body: { accepted: [MP_TEMPLATE_APPLICATION] } });

    // A notification whose fields carry the phone number, failing permanently (error text logged).
    fake.failNext("/cgi-bin/message/subscribe/send", { errcode: 47003, errmsg: `argument invalid! data.thing5.value ${PHONE}` });
    await notify(h.service.ctx, {
      userId: s.user.id,
      kind: "application_status",
      dedupeKey: "privacy-1",
      fields: { itemName: "户口迁移", applicationNo: "A1", status: "已办结", updatedAt: new Date(), remark: `联系电话${PHONE}` },
    });
    await h.service.ctx.queue.drain();
    await h.call("GET", "/api/v1/admin/notifications?status=failed", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await h.call("POST", "/api/v1/mp/logout", { token: s.token });

    const user = await h.service.ctx.db.prisma.user.findUniqueOrThrow({ where: { id: s.user.id } });
    const stored = JSON.stringify(user) + JSON.stringify(await h.service.ctx.db.prisma.notification.findMany());
    const logs = h.service.logText();
    const bodies = h.bodies.join("\n");
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of [PHONE, ID, ID.slice(0, 14), SESSION_KEY, NAME]) {
      expect(logs, `log contains ${secret}`).not.toContain(secret);
      expect(bodies, `a response contains ${secret}`).not.toContain(secret);
      expect(stored, `the database holds ${secret} in clear`).not.toContain(secret);
    }
    expect(logs).not.toContain(s.token);
  });
});
