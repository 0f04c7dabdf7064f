import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/chat/decision";
import { oneChoiceIsASuggestion } from "../../src/chat/pick";
import { chatHarness } from "./harness";

// Issue 20 (session 13): "您想问的是哪一项？ 1. X" with one item is a guess. Out-of-catalog questions
// ended there (剧本杀店 → 诊所备案 as the only choice); said as "not found, did you mean X",
// the citizen can still reply 1.
describe("a list left with one item", () => {
  const one = { code: "A", name: "诊所备案" };

  it("is a suggestion under 'not found', not a choice", () => {
    expect(oneChoiceIsASuggestion({ kind: "choose", candidates: [one], aspect: "authority", lowConfidence: true })).toEqual({
      kind: "not_found", aspect: "authority", suggestions: [one], bestCode: "A",
    });
  });

  it("leaves real choices and answers alone", () => {
    const two: Decision = { kind: "choose", candidates: [one, { code: "B", name: "诊所执业登记" }], aspect: "overview", lowConfidence: false };
    expect(oneChoiceIsASuggestion(two)).toBe(two);
    const answer: Decision = { kind: "answer", code: "A", aspect: "overview", followUp: false };
    expect(oneChoiceIsASuggestion(answer)).toBe(answer);
  });
});

describe("through handleMessage (shipped guides and the sample list)", () => {
  it("says the guess under 'not found', and the citizen's '1' still picks it", async () => {
    const h = await chatHarness();
    const u = h.user();
    const r = await u("家里老人走了 丧葬补助找谁领");
    expect(r.itemCode ?? null).toBeNull();
    expect(r.text).toMatch(/没有找到[\s\S]*您是不是想问：\n1\. 领取因工死亡职工供养亲属待遇资格认证/);
    expect(r.text).not.toContain("您想问的是哪一项");
    expect((await u("1")).itemCode).toBe("51201401400009-511602000000-000-12511301452260997J-1-00");
  });
});
