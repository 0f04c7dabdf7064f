import { describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { chatWith } from "./harness";
import { applicant, MP_TEMPLATE, OA_TEMPLATE, sentTo, noticeSuite, SUBSCRIBE, TEMPLATE, walk } from "./notice-support";

const MATERIALS = ["营业执照副本复印件", "法定代表人身份证明", "场地租赁合同"];

// What the applicant must act on reaches them in the message itself (issue 19), checked in the
// request bodies the fake WeChat server received through the real notifications path.
describe.each(testDbKinds())("application notices say what to do (%s)", (db) => {
  const s = noticeSuite(db);

  it("a 补正 subscribe message lists the materials and a decision gives its result", async () => {
    const who = await applicant(s.h, { mp: true, consents: 5 });
    const { number } = await s.h.create("W5", { name: "王五", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["supplement_required", { materials: MATERIALS }]]);
    const supplement = sentTo(s.fake, SUBSCRIBE, who.mpOpenid).at(-1)!;
    expect(supplement).toMatchObject({ template_id: MP_TEMPLATE, page: `pages/applications/detail?number=${number}` });
    expect(supplement.data).toMatchObject({
      character_string2: { value: number },
      phrase3: { value: "需补正" },
      // The list is cut between items, with the count saying more follow (the page has them all).
      thing5: { value: "请补正3项：营业执照副本复印件…" },
    });

    await walk(s.h, number, [["supplement_submitted"], ["under_review"], ["decided", { outcome: "approved", resultText: "准予许可，请持受理回执到窗口领取许可证" }]]);
    const decision = sentTo(s.fake, SUBSCRIBE, who.mpOpenid).at(-1)!;
    expect(decision.data).toMatchObject({ phrase3: { value: "准予办理" }, thing5: { value: "准予许可，请持受理回执到窗口领取许可证" } });
    expect(sentTo(s.fake, SUBSCRIBE, who.mpOpenid).map((b) => b.data.thing5!.value)).not.toContain("点击查看办件详情");
  });

  it("an OA template message gives the refusal's reason and links to the application's page", async () => {
    const who = await applicant(s.h, { oa: true });
    const { number } = await s.h.create("W6", { name: "赵六", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["under_review"], ["decided", { outcome: "not_approved", resultText: "申请材料不符合法定形式，经审查决定不予许可" }]]);
    const refusal = sentTo(s.fake, TEMPLATE, who.oaOpenid).at(-1)!;
    expect(refusal).toMatchObject({
      template_id: OA_TEMPLATE,
      // The H5 detail page (behind WeChat OAuth); with the mini-program bound it opens the MP page.
      url: `https://zw.example.cn/applications/${number}`,
      miniprogram: { appid: "wxmp-test", pagepath: `pages/applications/detail?number=${number}` },
    });
    expect(refusal.data).toMatchObject({ phrase3: { value: "不予办理" }, thing5: { value: "原因：申请材料不符合法定形式…" } });

    const other = await s.h.create("W6", { name: "赵六", phone: who.phone });
    await walk(s.h, other.number, [["rejected", { reason: "不属于本部门职权范围" }]]);
    expect(sentTo(s.fake, TEMPLATE, who.oaOpenid).at(-1)!.data).toMatchObject({ phrase3: { value: "不予受理" }, thing5: { value: "原因：不属于本部门职权范围" } });
  });

  it("the progress reply in chat names the materials, then the decision", async () => {
    const who = await applicant(s.h, { oa: true });
    const ask = chatWith(s.h, "wechat", who.oaOpenid!);
    const { number } = await s.h.create("W5", { name: "李雷", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["supplement_required", { materials: MATERIALS }]]);
    expect(await ask(`进度 ${number}`)).toContain("需补正材料：营业执照副本复印件、法定代表人身份证明、场地租赁合同");
    await walk(s.h, number, [["supplement_submitted"], ["under_review"], ["decided", { outcome: "not_approved", resultText: "经营场所不符合要求" }]]);
    expect(await ask(`进度 ${number}`)).toContain("办理结果：不予办理。经营场所不符合要求");
  });

  it("no status is cut mid-word: 已送达/已领取 arrives as 已送达", async () => {
    const who = await applicant(s.h, { oa: true });
    const { number } = await s.h.create("W3", { name: "钱七", phone: who.phone });
    await walk(s.h, number, [["accepted"], ["decided", { outcome: "approved", resultText: "准予许可" }], ["delivered"]]);
    const phrases = sentTo(s.fake, TEMPLATE, who.oaOpenid).map((b) => b.data.phrase3!.value);
    expect(phrases).toEqual(["已接件", "已受理", "准予办理", "已送达"]);
  });
});
