import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, hasChromium, launchChromium } from "../support/browser";
import { ITEM, startCitizenWeb, type CitizenWebHarness } from "./harness";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Issue 18's H5 pages in real Chromium, under the service's own security headers, started the
 * way a fresh instance starts (the shipped guides/): the guide index search without any
 * script, a guide page in Chinese and Tibetan, "my complaints" after the round trip through
 * WeChat web authorization (the fake WeChat server), and another citizen's ticket refused.
 * Screenshots: test-artifacts/.
 */
describe.runIf(hasChromium)("the citizen's H5 pages in Chromium", () => {
  let h: CitizenWebHarness;
  let browser: Browser;
  let ticketA: string;

  beforeAll(async () => {
    h = await startCitizenWeb({ guidesDir: path.join(root, "guides") });
    ticketA = await h.fileComplaint("o_browser_A", "小区门口的路灯坏了一个月了，晚上很黑");
    await h.replied(ticketA, "路灯已于本周修复，感谢您的反映。");
    // Citizens ask the assistant: their answers make the index's "most asked" list.
    for (const q of ["驾照丢了咋补", "驾驶证丢了要带什么"]) expect(await h.oa("o_browser_A")(q)).toContain("驾驶证");
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  /** A phone-sized page in its own browser (cookies of its own); collects CSP violations and console errors. */
  async function phone(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("404")) problems.push(m.text());
    });
    await page.addInitScript({ content: `window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));` });
    return { context, page, problems };
  }
  const clean = async (page: Page, problems: string[]) => {
    expect(await page.evaluate("window.__violations")).toEqual([]);
    expect(problems).toEqual([]);
  };

  it("finds a guide from the index's search form (no script needed) and opens it in Chinese and Tibetan", async () => {
    const { context, page, problems } = await phone();
    await page.goto(`${h.base}/guides`);
    // The asks counted by chat reach the page (the question log writes every second).
    await expect.poll(async () => (await page.reload(), await page.locator("#most-asked a").allInnerTexts()), { timeout: 10_000 }).toContain("机动车驾驶证补领（遗失）");
    expect(await page.locator("#departments li").count()).toBeGreaterThan(5);
    await page.screenshot({ path: artifactPath("guide-index.png"), fullPage: true });
    await clean(page, problems);

    await page.getByLabel("搜索事项").fill("驾照丢了咋补");
    await Promise.all([page.waitForURL(/\/guides\?q=/), page.getByRole("button", { name: "搜索" }).click()]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("驾照丢了咋补");
    const first = page.locator("#results ul.items a").first();
    expect(await first.innerText()).toBe("机动车驾驶证补领（遗失）");
    await page.screenshot({ path: artifactPath("guide-index-search.png"), fullPage: true });

    await Promise.all([page.waitForURL(new RegExp(`/guides/${ITEM}$`)), first.click()]);
    expect(await page.locator("h1").innerText()).toBe("机动车驾驶证补领（遗失）");
    expect(await page.locator("#ask").innerText()).toContain("公众号");
    await page.screenshot({ path: artifactPath("guide-page-zh.png"), fullPage: true });

    await Promise.all([page.waitForURL(/lang=bo/), page.locator("nav.langs a", { hasText: "བོད་ཡིག" }).click()]);
    expect(await page.locator("html").getAttribute("lang")).toBe("bo");
    expect(await page.locator("h1").innerText()).toBe("ཁ་ལོ་བའི་ལག་ཁྱེར་སྐོང་ལེན།");
    // Untranslated labels and fields fall back to Chinese rather than disappear.
    expect(await page.locator("#fees h2").innerText()).toBe("收费标准");
    await page.screenshot({ path: artifactPath("guide-page-bo.png"), fullPage: true });
    await Promise.all([page.waitForURL(new RegExp(`/guides/${ITEM}$`)), page.locator("nav.langs a", { hasText: "中文" }).click()]);
    await clean(page, problems);
    await context.close();
  });

  it("shows 'my complaints' after the round trip through WeChat web authorization", async () => {
    h.fake.setWebUser({ openid: "o_browser_A" });
    const { context, page, problems } = await phone();
    const response = await page.goto(`${h.base}/complaints`);
    // Chromium followed: /complaints → WeChat's authorization page → our callback → /complaints
    // (a browser keeps the authorization URL's #wechat_redirect across redirects without one: RFC 9110 §10.2.2).
    expect(page.url().replace(/#.*/, "")).toBe(`${h.base}/complaints`);
    expect(response?.status()).toBe(200);
    expect(h.fake.calls("/connect/oauth2/authorize").length).toBeGreaterThan(0);
    const cookies = await context.cookies(h.base);
    expect(cookies.find((c) => c.name === "zw_citizen")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(await page.locator("ul.records a").allInnerTexts()).toEqual([ticketA]);
    await page.screenshot({ path: artifactPath("my-complaints.png"), fullPage: true });
    await Promise.all([page.waitForURL(new RegExp(`/complaints/${ticketA}(#.*)?$`)), page.locator("ul.records a").first().click()]);
    expect(await page.locator("#reply").innerText()).toContain("路灯已于本周修复");
    await page.screenshot({ path: artifactPath("my-complaint-detail.png"), fullPage: true });
    await clean(page, problems);
    await context.close();
  });

  it("refuses another citizen's ticket (404) after they sign in", async () => {
    h.fake.setWebUser({ openid: "o_browser_B" });
    const { context, page, problems } = await phone();
    const response = await page.goto(`${h.base}/complaints/${ticketA}`);
    expect(page.url().replace(/#.*/, "")).toBe(`${h.base}/complaints/${ticketA}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("没有找到这条工单");
    expect(await page.content()).not.toContain("路灯");
    await page.screenshot({ path: artifactPath("my-complaint-refused.png"), fullPage: true });
    const own = await page.goto(`${h.base}/complaints`);
    expect(own?.status()).toBe(200);
    expect(await page.locator("ul.records a").count()).toBe(0);
    await clean(page, problems);
    await context.close();
  });
});
