import { describe, expect, it } from "vitest";
import { chatHarness } from "./harness";

/**
 * Issue 19, dialogs: topic changes and the shape of an answer, as conversations through the
 * real handleMessage over the shipped guides.
 */
describe("topic changes", () => {
  it("a new question naming another service leaves the old one, even when the old guide lists that thing as a material", async () => {
    const h = await chatHarness();
    const u = h.user();
    expect((await u("个体工商户营业执照怎么办")).itemCode).toBe("QH-630100-SCJ-001");
    const id = await u("身份证过期了咋换");
    expect(id.itemCode).toBe("QH-630000-GAT-001");
    expect(id.text).toContain("居民身份证换领");
    // Follow-ups that name nothing new, or a material of the current guide, still stay.
    expect((await u("补办呢")).itemCode).toBe("QH-630000-GAT-002");
    const v = h.user();
    await v("结婚登记要带什么");
    expect((await v("还要户口本吗")).itemCode).toBe("QH-630100-MZJ-001");
    expect((await v("要多少钱")).itemCode).toBe("QH-630100-MZJ-001");
  });

  it("an out-of-scope question in a conversation gets 'not found' and reaches the unanswered list, never the old item's or a neighbour's procedure", async () => {
    const h = await chatHarness();
    const u = h.user();
    await u("个体户营业执照怎么办");
    const cat = await u("我家猫丢了怎么办");
    expect(cat.itemCode).toBeNull();
    expect(cat.text).toContain("没有找到");
    expect(cat.text).not.toMatch(/办理流程|个体工商户|驾驶证/);
    expect([...h.questionLog.entries.values()].find((e) => e.question === "我家猫丢了怎么办")).toMatchObject({ outcome: "not_found" });
  });
});

describe("asking for an opinion or a favour", () => {
  // Session 13 (sets Y, Z: drifts answered as the current guide); phrasings written here.
  it("gets 'not found' in the middle of a conversation, not the current guide", async () => {
    const h = await chatHarness();
    const u = h.user();
    expect((await u("驾照到期了咋换")).itemCode).toBe("QH-630100-CGS-002");
    for (const q of ["换完驾照想买辆车 哪个牌子的越野车好", "哪家照相馆拍证件照便宜点", "能帮我写个请假条不", "感冒了吃啥药好得快"]) {
      const r = await u(q);
      expect(r.itemCode ?? null, q).toBeNull();
      expect(r.text, q).toContain("没有找到");
    }
  });
  it("asking which office or window is best is still a question about the service", async () => {
    const h = await chatHarness();
    const u = h.user();
    await u("驾照到期了咋换");
    expect(await u("去哪个窗口办好")).toMatchObject({ itemCode: "QH-630100-CGS-002" });
  });
});

describe("answer shape", () => {
  it("a FAQ entry comes first only when it answers the question asked", async () => {
    const h = await chatHarness();
    const licence = await h.user()("个体工商户营业执照怎么办");
    expect(licence.text).not.toContain("办营业执照要钱吗");
    const born = await h.user()("出生证明怎么办");
    expect(born.text).not.toContain("出生证在哪里办");
    const id = await h.user()("身份证过期了咋换");
    expect(id.text).not.toContain("换领身份证要多少钱");
    // …and does come first when it is the question.
    const fee = await h.user()("办营业执照要钱吗");
    expect(fee.text.split("\n")[1]).toBe("办营业执照要钱吗？");
    expect((await h.user()("营业执照丢了")).text).toContain("作废声明");
    expect((await h.user()("驾照过期半年了还能换不")).text).toContain("超过有效期不满一年的可以换证");
  });

  it("a two-part question gets both parts", async () => {
    const h = await chatHarness();
    const r = await h.user()("办个体户要钱吗几天能开出来");
    expect(r.text).toContain("收费标准：免费");
    expect(r.text).toContain("办理时限：法定3个工作日，承诺3个工作日");
    const u = h.user();
    await u("身份证过期了咋换");
    const follow = await u("多少钱 多久能拿到");
    expect(follow.text).toContain("收费标准");
    expect(follow.text).toContain("办理时限");
  });

  it("no empty values: online without a URL says so plainly, and zero visits is 零跑动", async () => {
    const h = await chatHarness();
    const r = await h.user()("办营业执照");
    expect(r.text).not.toMatch(/：；|：\n|跑0次/);
    expect(r.text).toContain("可以网上办理；零跑动");
  });
});
