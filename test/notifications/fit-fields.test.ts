import { describe, expect, it } from "vitest";
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
    expect(fitField("phrase", "审核通过（待领取）")).toBe("审核通过待");
    expect(fitField("name", "阿卜杜热合曼·买买提明江")).toHaveLength(10);
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
