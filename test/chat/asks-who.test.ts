import { beforeAll, describe, expect, it } from "vitest";
import { chatHarness, harnessWith } from "./harness";

/**
 * In a conversation, asking which office handles a thing the current guide only mentions (a
 * material, a trade) asks for that thing's own service — which an item of a county's list can
 * answer even without a guide. Asking whether it is needed stays with the current guide.
 */
describe("asking who handles another thing in a conversation", () => {
  let h: Awaited<ReturnType<typeof harnessWith>>;
  beforeAll(async () => {
    h = await harnessWith("eval/fresh-w/guides");
  });

  it("moves to that thing's own item, though only a list names it", async () => {
    const ask = h.user();
    expect(await ask("在花土沟摆摊卖烤串要办啥证")).toMatchObject({ itemCode: "QH-632803-SCJG-005" });
    const who = await ask("那健康证归哪个部门办");
    expect(who).toMatchObject({ itemCode: "512023382001-511602000000-000-11511301008778490F-1-00", aspect: "authority" });
    expect(who.text).toContain("区卫健局");
  });

  it("stays when the thing is asked about as a paper of this service", async () => {
    const ask = h.user();
    await ask("在花土沟摆摊卖烤串要办啥证");
    expect(await ask("要带健康证吗")).toMatchObject({ itemCode: "QH-632803-SCJG-005" });
  });
});

// Session 13 (sets Y, Z: 烟草证找哪个部门 listed 歇业, 新办, 停业): one office handles the whole
// family, so the question is answered; the member named is the plain one unless a variant is asked.
describe("asking which office handles a licence whose variants one office handles", () => {
  let h: Awaited<ReturnType<typeof chatHarness>>;
  beforeAll(async () => {
    h = await chatHarness();
  });

  it("names the office with the plain member, not a list of its variants", async () => {
    const r = await h.user()("卖烟的零售许可证归哪个部门管");
    expect(r).toMatchObject({ itemCode: "511A62001001-511602000000-000-TE5116020105116050-1-00", aspect: "authority" });
    expect(r.text).toContain("区烟草专卖局");
  });

  it("names the variant the question asks for", async () => {
    const r = await h.user()("卖烟的零售许可证要歇业 归哪个部门管");
    expect(r.text).toContain("歇业");
    expect(r.text).toContain("区烟草专卖局");
  });
});
