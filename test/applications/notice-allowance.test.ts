import { describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { applicant, MP_TEMPLATE, noticeSuite, sentTo, SUBSCRIBE, TEMPLATE, walk } from "./notice-support";

const MATERIALS = ["户口簿", "不动产权证书"];

// A subscribe-message acceptance allows one message (WeChat's one-time rule): spent on what
// the citizen must act on or learns the outcome of, never on 已接件 (issue 19).
describe.each(testDbKinds())("subscribe allowances (%s)", (db) => {
  const s = noticeSuite(db);
  const left = (userId: string) => s.h.service.ctx.db.prisma.subscribeConsent.count({ where: { userId, templateId: MP_TEMPLATE, consumedAt: null } });
  const statuses = async (number: string) => {
    const rows = await s.h.service.ctx.db.prisma.notification.findMany({ where: { kind: "application_status" }, orderBy: { createdAt: "asc" } });
    return rows.filter((n) => JSON.parse(s.h.service.ctx.crypto.decrypt(n.payloadEnc)).fields.applicationNo === number).map((n) => n.status);
  };

  it("spends none on 已接件, 已受理 or 办理中, and one each on 补正 and the decision", async () => {
    const who = await applicant(s.h, { mp: true, consents: 2 });
    const { number } = await s.h.create("W5", { name: "孙八", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["under_review"]]);
    expect(sentTo(s.fake, SUBSCRIBE, who.mpOpenid)).toHaveLength(0);
    expect(await left(who.userId)).toBe(2);
    expect(await statuses(number)).toEqual(["skipped_low_priority", "skipped_low_priority", "skipped_low_priority"]);

    await walk(s.h, number, [["supplement_required", { materials: MATERIALS }], ["supplement_submitted"], ["under_review"]]);
    expect(sentTo(s.fake, SUBSCRIBE, who.mpOpenid).map((b) => b.data.phrase3!.value)).toEqual(["需补正"]);
    expect(await left(who.userId)).toBe(1);

    await walk(s.h, number, [["decided", { outcome: "approved", resultText: "准予登记" }], ["delivered"]]);
    expect(sentTo(s.fake, SUBSCRIBE, who.mpOpenid).map((b) => b.data.phrase3!.value)).toEqual(["需补正", "准予办理"]);
    expect(await left(who.userId)).toBe(0);
  });

  it("with none left, a follower of the Official Account gets the template message instead", async () => {
    const who = await applicant(s.h, { mp: true, oa: true, consents: 0 });
    const { number } = await s.h.create("W5", { name: "周九", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["supplement_required", { materials: MATERIALS }]]);
    expect(sentTo(s.fake, SUBSCRIBE, who.mpOpenid)).toHaveLength(0);
    expect(s.fake.accepted(SUBSCRIBE)).toHaveLength(0);
    const oa = sentTo(s.fake, TEMPLATE, who.oaOpenid);
    expect(oa.map((b) => b.data.phrase3!.value)).toEqual(["已接件", "已受理", "需补正"]);
    expect(oa.at(-1)!.data.thing5!.value).toBe("请补正2项：户口簿、不动产权证书");
  });

  it("with none left and the account unfollowed (43004), the change is kept, not a failure for staff", async () => {
    const who = await applicant(s.h, { mp: true, oa: true, consents: 0 });
    const { number } = await s.h.create("W5", { name: "冯十一", phone: who.phone });
    await walk(s.h, number, [["accepted"]]);
    s.fake.failNext(TEMPLATE, { errcode: 43004, errmsg: "require subscribe" });
    await walk(s.h, number, [["supplement_required", { materials: MATERIALS }]]);
    expect(sentTo(s.fake, TEMPLATE, who.oaOpenid).map((b) => b.data.phrase3!.value)).toEqual(["已接件", "已受理", "需补正"]);
    expect((await statuses(number)).at(-1)).toBe("skipped_not_following");
  });

  it("with none left and no Official Account, the change is kept for my applications", async () => {
    const who = await applicant(s.h, { mp: true, consents: 0 });
    s.fake.addLogin("code-kept", { openid: who.mpOpenid! });
    const { number } = await s.h.create("W5", { name: "吴十", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["supplement_required", { materials: MATERIALS }]]);
    expect(s.fake.calls(SUBSCRIBE)).toHaveLength(0);
    expect(s.fake.calls(TEMPLATE)).toHaveLength(0);
    expect((await statuses(number)).at(-1)).toBe("skipped_no_consent");

    const login = await fetch(`${s.h.service.url}/api/v1/mp/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "code-kept" }) });
    const { token } = (await login.json()) as { token: string };
    const mine = async (): Promise<any> => (await fetch(`${s.h.service.url}/api/v1/mp/applications/${number}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const view = await mine();
    expect(view.lastStep).toMatchObject({ status: "supplement_required", details: { materials: MATERIALS } });
    expect(view.timeline.find((s: { status: string }) => s.status === "supplement_required").details).toEqual({ materials: MATERIALS });

    await walk(s.h, number, [["supplement_submitted"], ["accepted"], ["decided", { outcome: "not_approved", resultText: "不符合登记条件" }]]);
    const decided = (await mine()).timeline.find((s: { status: string }) => s.status === "decided");
    expect(decided.details).toEqual({ outcome: "not_approved", outcomeLabel: "不予办理", resultText: "不符合登记条件" });
  });
});
