import { describe, expect, it } from "vitest";
import { IDLE_MS, startDraft, step, type Draft } from "../../src/complaints/chat/dialog";
import { correctionIn, isCancel, isQuestion, isYes } from "../../src/complaints/chat/phrases";

/** The complaint dialogue's state machine and phrases, pure (no database, no chat). */
describe("complaint dialogue steps", () => {
  const now = 1_000_000;
  const at = (d: Partial<Draft>): Draft => ({ id: "d", kind: "complaint", step: "what", expiresAt: now + IDLE_MS, ...d });

  it("knows leaving from describing", () => {
    for (const t of ["取消", "算了", "算了我不投诉了", "不投了", "不想投诉了", "还是算了吧", "取消投诉", "不举报了", "不想弄了", "不填了", "还是不办了吧"]) expect(isCancel(t), t).toBe(true);
    for (const t of ["取消了我们小区门口的公交站，出行很不方便", "算了一下工资少发了三千", "不投资"]) expect(isCancel(t), t).toBe(false);
  });

  it("knows a question from an address or a time", () => {
    for (const t of ["驾照丢了咋补", "营业执照在哪办？", "身份证怎么换", "要带什么材料吗"]) expect(isQuestion(t), t).toBe(true);
    for (const t of ["西宁市城西区五四大街附近", "昨天晚上", "持续一周了", "城东区八一路与长江路交叉口"]) expect(isQuestion(t), t).toBe(false);
  });

  it("reads corrections of the summary", () => {
    expect(correctionIn("改地址 西宁市城北区")).toEqual({ field: "address", value: "西宁市城北区" });
    expect(correctionIn("地址改成西宁市城北区")).toEqual({ field: "address", value: "西宁市城北区" });
    expect(correctionIn("修改电话：13900001111")).toEqual({ field: "phone", value: "13900001111" });
    expect(correctionIn("改时间")).toEqual({ field: "occurredText", value: "" });
    expect(correctionIn("修改")).toEqual({ value: "" });
    expect(correctionIn("西宁市城北区")).toBeUndefined();
    // Saying what is wrong, without the new value: that field's value is asked next.
    expect(correctionIn("地址不对")).toEqual({ field: "address", value: "" });
    expect(correctionIn("电话写错了")).toEqual({ field: "phone", value: "" });
    expect(correctionIn("不对")).toEqual({ value: "" });
    expect(step(at({ step: "confirm", text: "小区路灯坏了一个月" }), "时间错了", now)).toMatchObject({ kind: "prompt", draft: { step: "value", field: "occurredText" } });
    expect(step(at({ step: "confirm", text: "小区路灯坏了一个月" }), "有误", now)).toMatchObject({ kind: "prompt", draft: { step: "field" } });
  });

  it("reads consent with a clause after it, and says what answers the step when it cannot tell", () => {
    for (const t of ["可以，打我电话", "同意，联系我吧", "好的 你们打给我"]) expect(isYes(t), t).toBe(true);
    for (const t of ["可以，不过别打电话", "好的，但是不要联系我", "可以吗"]) expect(isYes(t), t).toBe(false);
    expect(step(at({ step: "consent" }), "可以，打我电话", now).kind).toBe("need_phone");
    expect(step(at({ step: "consent" }), "看情况", now)).toMatchObject({ kind: "prompt", notice: "ask_consent_again", draft: { step: "consent" } });
  });

  it("walks what → where → when → consent → summary, and files only on confirmation", () => {
    let d = startDraft("d", "complaint", "", now);
    expect(d.step).toBe("what");
    const go = (t: string) => {
      const o = step(d, t, now);
      if ("draft" in o) d = o.draft;
      return o.kind;
    };
    expect(go("路灯坏")).toBe("prompt"); // too short: asked again, same step
    expect(d.step).toBe("what");
    go("小区路灯坏了一个月");
    expect(d.step).toBe("where");
    expect(go("驾照丢了咋补")).toBe("question");
    expect(d.step).toBe("where");
    expect(d.address).toBeUndefined();
    go("不清楚");
    go("上周");
    expect(go("是")).toBe("need_phone");
    d = { ...d, step: "phone" };
    go("13800138000");
    expect(d).toMatchObject({ step: "confirm", consent: true, phone: "13800138000" });
    expect(go("改电话 否")).toBe("prompt");
    expect(d).toMatchObject({ step: "confirm", consent: false });
    expect(d.phone).toBeUndefined();
    expect(go("确认")).toBe("file");
  });

  it("every step cancels, and an expired draft times out whatever is said", () => {
    for (const s of ["what", "where", "when", "consent", "phone", "confirm", "field", "value"] as const) {
      expect(step(at({ step: s }), "算了我不投诉了", now).kind).toBe("cancelled");
      expect(step(at({ step: s, expiresAt: now - 1 }), "确认", now).kind).toBe("timed_out");
    }
  });
});
