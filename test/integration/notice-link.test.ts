import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, startCitizenWeb, type CitizenWebHarness } from "../citizen-web/harness";

type TemplateBody = { touser: string; url?: string; data: Record<string, { value: string }> };

/**
 * Issue 19, notices: the detail link of an application's template message opens a page that
 * exists. The real service sends the message to the fake WeChat server; the link it carries is
 * followed as the applicant's browser would, through WeChat web authorization, to the page.
 */
describe("the link in an application notice", () => {
  let h: CitizenWebHarness;
  beforeAll(async () => {
    h = await startCitizenWeb({ env: { WECHAT_TEMPLATE_APPLICATION: "tpl-oa-application" } });
  }, 180_000);
  afterAll(async () => h?.stop());

  it("opens the applicant's own application page after WeChat sign-in; to anyone else it is the same 404 as no such number", async () => {
    const number = await h.application("o_notice_link");
    let sent: TemplateBody | undefined;
    for (let i = 0; i < 60 && !sent; i++) {
      sent = h.fake.calls("/cgi-bin/message/template/send").map((c) => c.body as TemplateBody).find((b) => b.touser === "o_notice_link" && b.url?.includes(number));
      if (!sent) await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent?.url).toBe(`${h.base}/applications/${number}`);

    const open = async (openid: string) => {
      const jar = new CookieJar();
      h.fake.setWebUser({ openid });
      const first = await jar.get(sent!.url!);
      expect(first.status).toBe(302);
      const atWechat = await jar.get(first.headers.get("location")!);
      const back = await jar.get(atWechat.headers.get("location")!);
      expect(back.status).toBe(302);
      expect(back.headers.get("location")).toBe(`/applications/${number}`);
      return jar.get(`${h.base}${back.headers.get("location")}`);
    };
    const page = await open("o_notice_link");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(number);
    expect(html).toContain("已受理");
    expect((await open("o_notice_someone_else")).status).toBe(404);
  });
});
