import { beforeAll, describe, expect, it } from "vitest";
import { chatHarness, harnessWith } from "./harness";

// Issue 20: a near miss is answered "not found", never as the neighbour that shares its words.
// Questions of this kind first failed on the fresh evaluation set A (not copied from it).
describe("near misses are not answered as the neighbour", () => {
  let h: Awaited<ReturnType<typeof chatHarness>>;
  beforeAll(async () => {
    h = await chatHarness();
  });

  it.each([
    ["moving a registration out is not moving it in", "户口要从西宁迁出到外省 咋办"],
    ["cancelling a mortgage is not registering one", "房贷还清了 不动产抵押咋注销"],
    ["a pet is not a lost certificate", "我家猫丢了怎么办"],
    // Session 10 (sets D–G): phrasings written here.
    ["a refund is not the payment it refunds", "公积金多交了 能退回来不"],
    ["marrying a foreigner is not the registration for two mainland residents", "我和外国对象想在西宁领证 结婚登记咋办"],
    ["a certificate no item mentions (献血证) is not the driving licence's replacement", "我的献血证找不到了 能补办不"],
    ["producing is not trading (one kind of an exclusive group against another)", "想建个厂生产危险化学品 要办啥许可"],
    ["wholesale is not retail (the county list's 烟花爆竹经营（零售）)", "想做烟花爆竹批发 要办啥证"],
    ["an e-bike is not a motor vehicle", "买了辆电动自行车 上牌去哪上"],
    ["a vehicle licence (行驶证) is not a driving licence (驾驶证)", "车的行驶证弄丢了 补办要带啥"],
    ["a certificate named after a circumstance (考试过了 … 导游证) is still a certificate no item mentions", "导游考试过了 导游证去哪领"],
  ])("%s", async (_why, question) => {
    const reply = await h.user()(question);
    expect(reply.itemCode ?? null).toBeNull();
    expect(reply.text).toMatch(/没有找到/);
    expect([...h.questionLog.entries.values()].some((e) => e.question === question && e.outcome === "not_found")).toBe(true);
  });

  it.each([
    ["moving in still finds the item", "户口迁到西宁要带啥", "QH-630100-GAJ-002"],
    ["registering a mortgage still finds the item", "银行贷款买房 抵押登记要带啥", "QH-630100-BDC-002"],
    ["a lost certificate still finds its item", "身份证丢了咋补", "QH-630000-GAT-002"],
    ["a child's registration said with 娃娃 still finds the item", "娃娃出生三个月了还没上户口 还能上吗", "QH-630100-GAJ-001"],
    ["a mortgage as a circumstance (车有抵押) does not hide a transfer", "车还有抵押 能过户不", "QH-630100-CGS-006"],
    // Session 11: moving to (迁到, 迁过来) is moving in, not a typo of moving out (迁出)
    ["moving a parent's registration from one county to another is moving in", "想把我妈的户口从大通迁到城中区 要带啥", "QH-630100-GAJ-002"],
    ["moving it over (迁过来) is moving in", "老家的户口想迁过来 要带啥", "QH-630100-GAJ-002"],
    // Session 13: 开个证明 is asking for a certificate, not a certificate called 开个证
    ["a verb with its measure word before 证明 (开个证明) names no unknown certificate", "单位让开个证明我没犯过事 去哪开", "QH-630100-GAJ-005"],
  ])("%s", async (_why, question, code) => {
    const reply = await h.user()(question);
    expect(reply.itemCode).toBe(code);
  });
});

describe("replacing a lost thing is not issuing it, and a list offers only items about the thing asked", () => {
  let h: Awaited<ReturnType<typeof chatHarness>>;
  beforeAll(async () => {
    h = await chatHarness();
  });

  it("a lost birth certificate is neither its first issue nor another card's replacement", async () => {
    const reply = await h.user()("出生证明被我弄丢了 能补一张吗");
    expect(reply.itemCode ?? null).toBeNull();
    expect(reply.text).toMatch(/没有找到/);
    expect(reply.text).not.toMatch(/驾驶证补领/);
  });
  it("'手机上办' is how, not a typo of 补办", async () => {
    expect((await h.user()("公积金租房提取能手机上办不")).itemCode).toBe("QH-630100-GJJ-001");
  });
  it("a lost card with a replacement item still finds it", async () => {
    expect((await h.user()("户口本被娃撕烂了 咋补")).itemCode).toBe("QH-630100-GAJ-003");
  });
});

describe("below a near miss, the guide that is meant", () => {
  let h: Awaited<ReturnType<typeof chatHarness>>;
  beforeAll(async () => {
    // Set M's guides beside the shipped ones: 《出生医学证明》补发 next to the shipped 首次签发.
    h = await harnessWith("eval/fresh-m/guides");
  });

  it("a lost birth certificate's replacement is answered by the replacement guide, not 'not found' over the first issue", async () => {
    const r = await h.user()("出生证补办要带啥 孩子要上学");
    expect(r).toMatchObject({ itemCode: "QH-632200-WJ-001", aspect: "materials" });
  });
});
