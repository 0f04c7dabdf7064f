import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitField } from "../../src/notifications";

describe("fitting values to WeChat template field limits", () => {
  it("cuts thing to 20 characters with an ellipsis", () => {
    const v = fitField("thing", "青海省西宁市城东区城乡居民基本养老保险待遇申领业务");
    expect([...v]).toHaveLength(20);
    expect(v.endsWith("…")).toBe(true);
    expect(fitField("thing", "短文本")).toBe("短文本");
  });

  it("keeps only ASCII in character_string, at most 32", () => {
    expect(fitField("character_string", "编号QH-2026-0001")).toBe("QH-2026-0001");
    expect(fitField("character_string", "x".repeat(40))).toHaveLength(32);
  });

  it("keeps phrase to 5 Chinese characters and name to 10", () => {
    expect(fitField("phrase", "审核通过（待领取）")).toBe("审核通过");
    expect(fitField("name", "阿卜杜热合曼·买买提明江")).toHaveLength(10);
  });

  it("never cuts a status or a word in two (issue 19: 已送达/已领取 read 已送达已领)", () => {
    expect(fitField("phrase", "已送达/已领取")).toBe("已送达");
    expect(fitField("phrase", "已受理并审核通过")).toBe("已受理并");
    expect(fitField("phrase", "补正已提交")).toBe("补正已提交");
    // A list is cut between items, a long name before its bracket, text between words.
    expect(fitField("thing", "请补正3项：营业执照副本复印件、法定代表人身份证明、场地租赁合同")).toBe("请补正3项：营业执照副本复印件…");
    expect(fitField("thing", "城乡居民基本养老保险待遇申领（含丧葬补助金、抚恤金）")).toBe("城乡居民基本养老保险待遇申领…");
    expect(fitField("thing", "原因：申请材料不符合法定形式经审查决定不予许可")).toBe("原因：申请材料不符合法定形式经审查决定…");
  });

  it("cuts only where a word ends, whatever the text (property)", () => {
    const words = ["营业执照", "身份证明", "复印件", "申请表", "不动产", "登记", "审查", "不予", "许可", "领取", "窗口", "补正", "材料"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), fc.constantFrom("", "、", "，"), (ws, sep) => {
        const text = ws.join(sep);
        const v = fitField("thing", text);
        expect([...v].length).toBeLessThanOrEqual(20);
        if (v === text) return;
        const kept = v.replace(/…$/, "").split(/[、，]/).join("");
        // What is kept is a run of whole words from the start of the text.
        let rest = kept;
        for (const w of ws) {
          if (rest === "") break;
          expect(rest.startsWith(w)).toBe(true);
          rest = rest.slice(w.length);
        }
        expect(rest).toBe("");
      }),
    );
  });

  it("formats time and date in Asia/Shanghai", () => {
    const d = new Date("2026-12-31T16:05:00Z");
    expect(fitField("time", d)).toBe("2027-01-01 00:05");
    expect(fitField("date", d)).toBe("2027-01-01");
    expect(fitField("time", "2026-11-25T02:30:00.000Z")).toBe("2026-11-25 10:30");
    expect(fitField("time", "2026-11-25T10:30:00+08:00")).toBe("2026-11-25 10:30");
  });

  it("shows zone-less text as written, never converting local time a second time", () => {
    // A payload recorded before issue 16's defect 12 was fixed holds Shanghai text, not an instant.
    expect(fitField("time", "2026-11-25 10:00")).toBe("2026-11-25 10:00");
    expect(fitField("date", "2026-11-25")).toBe("2026-11-25");
  });

  it("formats amounts from integer fen", () => {
    expect(fitField("amount", 1250)).toBe("¥12.50");
    expect(fitField("number", "共 12 件")).toBe("12");
  });
});
