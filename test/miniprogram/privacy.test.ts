import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { notify } from "../../src/notifications";
import { startMpService, MP_TEMPLATE_APPLICATION, ADMIN_TOKEN, type MpHarness } from "./harness";

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

describe("no personal data in responses or logs", () => {
  let fake: FakeWechat;
  let h: MpHarness;

  beforeAll(async () => {
    fake = await startFakeWechat();
    h = await startMpService("pglite", fake);
  });
  afterAll(async () => {
    await h?.service.stop();
    await fake?.close();
  });

  it("masks phone, ID number and name everywhere and never shows the session_key", async () => {
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
