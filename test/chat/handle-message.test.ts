import { beforeAll, describe, expect, it } from "vitest";
import { handleMessage } from "../../src/chat/handle-message";
import type { ChatCommand } from "../../src/chat/commands";
import { chatHarness } from "./harness";

let h: Awaited<ReturnType<typeof chatHarness>>;
beforeAll(async () => {
  h = await chatHarness();
});

describe("handleMessage", () => {
  it("answers the asked aspect of the right item, quoting facts, ending with the link", async () => {
    const send = h.user();
    const r = await send("身份证过期了多少钱换");
    expect(r.itemCode).toBe("QH-630000-GAT-001");
    expect(r.aspect).toBe("fees");
    expect(r.text).toContain("20元（依据：");
    expect(r.text.trim().endsWith(`https://zw.example.cn/guides/QH-630000-GAT-001`)).toBe(true);
  });

  it("keeps the item across follow-ups", async () => {
    const send = h.user();
    expect((await send("身份证换领要带什么")).aspect).toBe("materials");
    const fees = await send("要多少钱？");
    expect(fees.itemCode).toBe("QH-630000-GAT-001");
    expect(fees.aspect).toBe("fees");
    const time = await send("多久能拿到");
    expect(time.text).toMatch(/法定60个自然日，承诺/);
  });

  it("a circumstance told in a follow-up (腿脚不好) or a soft ask (我先问问) stays with the item", async () => {
    const send = h.user();
    expect((await send("身份证换领要带什么")).itemCode).toBe("QH-630000-GAT-001");
    expect((await send("我爸腿脚不好 我替他去办行不行")).itemCode).toBe("QH-630000-GAT-001");
    expect(await send("电话多少 我先问问")).toMatchObject({ itemCode: "QH-630000-GAT-001", aspect: "contact" });
  });

  it("a plain '收钱不' quotes the guide's own FAQ entry about its fees before the fee line", async () => {
    const send = h.user();
    expect((await send("个体户营业执照怎么办")).itemCode).toBe("QH-630100-SCJ-001");
    const r = await send("收钱不");
    expect(r).toMatchObject({ itemCode: "QH-630100-SCJ-001", aspect: "fees" });
    expect(r.text).toMatch(/办营业执照要钱吗？\n不收费。[\s\S]*收费标准：/);
  });

  it("answers the best of close matches, names the runner-up, and '1' picks it", async () => {
    const send = h.user();
    const first = await send("养老金要带啥材料");
    expect(first.itemCode).not.toBeNull();
    expect(first.aspect).toBe("materials");
    expect(first.candidates).toHaveLength(1);
    expect(first.text).toContain("您是否要办理：");
    const picked = await send("1");
    expect(picked.itemCode).toBe(first.candidates![0]!.code);
    expect(picked.aspect).toBe("materials");
  });

  it("lists close matches it cannot tell apart, numbered, and '2' picks the second", async () => {
    const send = h.user();
    const list = await send("怎么申请补贴");
    expect(list.itemCode).toBeNull();
    expect(list.candidates!.length).toBeGreaterThanOrEqual(2);
    expect(list.text).toMatch(/1\. .+\n2\. .+/);
    expect(list.text).toContain("请回复序号");
    const second = list.candidates![1]!;
    const picked = await send("2");
    expect(picked.itemCode).toBe(second.code);
    expect(picked.text).toContain(second.name);
  });

  it("says plainly when nothing matches, offers the hotline and human help, and logs it", async () => {
    const send = h.user();
    const r = await send("西宁哪家羊肉手抓好吃");
    expect(r.itemCode).toBeNull();
    expect(r.text).toContain("没有找到");
    expect(r.text).toContain("12345");
    expect(r.text).toContain("人工");
    expect([...h.questionLog.entries.values()].some((e) => e.question.includes("羊肉") && e.outcome === "not_found")).toBe(true);
  });

  it("answers a Tibetan question with Tibetan labels and translated fields", async () => {
    const send = h.user();
    const r = await send("ཐོབ་ཐང་ལག་ཁྱེར་བརྗེ་བ་ལ་ཡིག་ཆ་ག་རེ་དགོས།");
    expect(r.itemCode).toBe("QH-630000-GAT-001");
    expect(r.text).toContain("དམངས་ཁྲོད་ཐོབ་ཐང་ལག་ཁྱེར་བརྗེ་ལེན");
    expect(r.text).toContain("ཞུ་ཡིག་གི་ཡིག་ཆ");
    // The page it links to opens in Tibetan too.
    expect(r.link).toBe("https://zw.example.cn/guides/QH-630000-GAT-001?lang=bo");
    expect(r.text.trim().endsWith(r.link!)).toBe(true);
  });

  it("answers a catalog-only item with its department and no guide (a province's list: the Guang'an sample)", async () => {
    const send = h.user();
    const r = await send("适龄儿童延缓入学审批找谁");
    expect(r.text).toContain("区教科体局");
    expect(r.text).toContain("暂未发布详细办事指南");
    expect(r.link).toBeNull();
  });

  it("keeps every reply within WeChat's 2,048 bytes", async () => {
    const send = h.user();
    for (const q of ["身份证换领依据", "户口迁入要什么材料", "办个体户的流程", "出生登记条件"]) {
      expect(Buffer.byteLength((await send(q)).text, "utf8")).toBeLessThanOrEqual(2048);
    }
  });

  it("hands over to a human on 人工, and runs registered commands", async () => {
    const progress: ChatCommand = { name: "progress", match: (t) => t.startsWith("进度"), handle: async () => ({ kind: "text", text: "受理中" }) };
    const deps = { ...h.deps, commands: [progress] };
    const msg = (text: string) => handleMessage(deps, { kind: "text", channel: "wechat", userId: "cmd", text, receivedAt: new Date() });
    expect((await msg("人工")).kind).toBe("transfer");
    expect(await msg("进度 QH123")).toMatchObject({ kind: "text", text: "受理中" });
  });

  it("runs a personal command only for a sender the channel verified, and refuses the others politely", async () => {
    const handled: string[] = [];
    const mine: ChatCommand = { name: "mine", personal: true, match: (t) => t.startsWith("工单"), handle: async ({ incoming }) => (handled.push(incoming.userId), { kind: "text", text: "您的工单" }) };
    const deps = { ...h.deps, commands: [mine] };
    const from = (verified: boolean | undefined) => (text: string) => handleMessage(deps, { kind: "text", channel: "api", userId: "anon:o_someone", verified, text, receivedAt: new Date() });
    expect(await from(true)("工单 QH1")).toMatchObject({ text: "您的工单" });
    for (const v of [false, undefined]) {
      expect((await from(v)("工单 QH1")) as { text: string }).toMatchObject({ text: expect.stringContaining("确认您的身份") });
      expect((await from(v)("工单 QH1 ༄༅")) as { text: string }).toMatchObject({ text: expect.stringMatching(/[\u0F00-\u0FFF]/) });
    }
    expect(handled).toEqual(["anon:o_someone"]);
    // Questions are not personal: the anonymous sender still gets answers.
    expect((await from(undefined)("驾照丢了咋补")).kind).toBe("text");
  });
});
