import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedGuides } from "../support/chat-doors";
import { startTestService, type TestService } from "../support/service";
import { fixture, postWechat, wechatEnv } from "../wechat/helpers";

const ADMIN = "staff-token-topics";

/**
 * Issue 19, topic changes and answer shape through the real WeChat door, on the full service
 * with three shipped guides: a new service named mid-conversation leaves the old one; an
 * out-of-scope question is "not found" and reaches staff's unanswered list; a two-part question
 * gets both parts; the overview has no empty values.
 */
describe("topic changes through the WeChat door", () => {
  let svc: TestService;
  let guides: ReturnType<typeof shippedGuides> | undefined;
  beforeAll(async () => {
    guides = shippedGuides(["630000-gat-sfz-huanling.yaml", "630100-cgs-jiazhao-buling.yaml", "630100-scj-geti-sheli.yaml"]);
    svc = await startTestService({ env: { ...wechatEnv("plain"), AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guides.dir, ADMIN_TOKEN: ADMIN, LOG_LEVEL: "warn" } });
  }, 120_000);
  afterAll(async () => {
    await svc?.stop();
    guides?.remove();
  });

  const citizen = (from: string) => async (content: string) => {
    const r = await postWechat(svc.url, fixture("text", { content, from }), { mode: "plain" });
    expect(r.status).toBe(200);
    return r.reply?.Content ?? "";
  };

  it("leaves the business licence for the ID card, and says 'not found' for a lost cat (listed for staff)", async () => {
    const me = citizen("o_topics_1");
    const licence = await me("个体工商户营业执照怎么办");
    expect(licence).toContain("个体工商户设立登记");
    expect(licence).not.toContain("办营业执照要钱吗"); // no unrelated FAQ first
    const id = await me("身份证过期了咋换");
    expect(id).toContain("居民身份证换领");
    expect(id).not.toContain("个体工商户");
    await me("个体户营业执照怎么办");
    const cat = await me("我家猫丢了怎么办");
    expect(cat).toContain("没有找到");
    expect(cat).not.toMatch(/办理流程|个体工商户|驾驶证/);
    let listed = false;
    for (let i = 0; i < 60 && !listed; i++) {
      const r = await fetch(`${svc.url}/api/v1/admin/unanswered?outcome=not_found`, { headers: { authorization: `Bearer ${ADMIN}` } });
      listed = JSON.stringify(await r.json()).includes("我家猫丢了怎么办");
      if (!listed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(listed).toBe(true);
  });

  it("answers both parts of '要钱吗几天能开出来', with no empty values", async () => {
    const me = citizen("o_topics_2");
    const both = await me("办个体户要钱吗几天能开出来");
    expect(both).toContain("收费标准：免费");
    expect(both).toContain("办理时限：");
    const overview = await me("办营业执照");
    expect(overview).not.toMatch(/：；|跑0次/);
    expect(overview).toContain("零跑动");
  });
});
