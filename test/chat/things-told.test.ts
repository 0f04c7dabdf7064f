import { beforeAll, describe, expect, it } from "vitest";
import { harnessWith } from "./harness";

// Issue 20: things the catalog never saw, told around a service one guide clearly covers, do not
// make the answer "not found"; an unknown word bound to a known one (a kind of it, or what an
// action applies for) still does. Phrasings written here, with set N's guides published.
describe("things told that the catalog never saw", () => {
  let h: Awaited<ReturnType<typeof harnessWith>>;
  beforeAll(async () => {
    h = await harnessWith("eval/fresh-n/guides");
  });

  it.each([
    ["goods a shop sells", "家里开小卖部 卖饮料零食方便面 食品证咋办", "QH-632300-SCJG-002"],
    ["who performs at an event", "在镇上请歌手唱歌卖门票搞晚会 演出要报批吗", "QH-632300-WL-001"],
  ])("%s: the guide far ahead answers", async (_why, question, code) => {
    const r = await h.user()(question);
    expect(r.itemCode).toBe(code);
  });

  it.each([
    ["a kind of a known thing (蒸汽 before 锅炉)", "单位新买了台蒸汽锅炉 去哪登记"],
    ["a kind of a known benefit (燃油 before 补贴)", "县内班车的燃油补贴在哪领"],
    ["what a known action applies for (申请 强制执行)", "想申请强制执行 公积金贷款"],
  ])("%s: still not found", async (_why, question) => {
    const r = await h.user()(question);
    expect(r.itemCode ?? null).toBeNull();
  });
});
