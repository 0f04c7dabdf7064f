import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, hasChromium, launchChromium } from "../support/browser";
import { startTestService, type TestService } from "../support/service";

const root = path.resolve(import.meta.dirname, "../..");
const GUIDE = "630100-cgs-jiazhao-buling.yaml";

/**
 * The pages citizens open, in real Chromium with the service's own security headers: the
 * Content-Security-Policy blocks nothing the page needs (its inline CSS, its one script), the
 * print button works, and nothing is reported as a violation. Screenshots: test-artifacts/.
 */
describe.runIf(hasChromium)("guide pages in Chromium under the service's security headers", () => {
  let svc: TestService;
  let browser: Browser;
  let guidesDir: string;
  let code: string;

  beforeAll(async () => {
    guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-guides-"));
    fs.copyFileSync(path.join(root, "guides", GUIDE), path.join(guidesDir, GUIDE));
    code = /^code:\s*(\S+)/m.exec(fs.readFileSync(path.join(guidesDir, GUIDE), "utf8"))![1]!;
    svc = await startTestService({ env: { AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guidesDir, LOG_LEVEL: "warn" } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  /** Opens a page on a phone-sized screen; collects CSP violations and console errors. */
  async function open(url: string) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    // Page-side code as text: the test's TypeScript has no DOM types.
    await page.addInitScript({
      content: `window.__violations = []; window.__printed = 0;
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
        window.print = () => { window.__printed++; };`,
    });
    const response = await page.goto(url);
    await page.waitForLoadState("load");
    return { page, response, problems };
  }

  it("shows the guide, styled, with a working print button and no CSP violation", async () => {
    const { page, response, problems } = await open(`${svc.url}/guides/${code}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    // The inline stylesheet applied: the header band is the page's red, not the browser default.
    expect(await page.evaluate('getComputedStyle(document.querySelector("header.top")).backgroundColor')).toBe("rgb(200, 16, 46)");
    await page.getByRole("button", { name: "打印本页" }).click();
    expect(await page.evaluate("window.__printed")).toBe(1);
    expect(await page.evaluate("window.__violations")).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: artifactPath("guide-page.png"), fullPage: true });
    await page.close();
  });

  it("links back to the assistant in WeChat's browser (closing the page returns to the conversation), and offers no dead link elsewhere", async () => {
    const back = (page: import("playwright-core").Page) => page.getByRole("link", { name: "返回公众号提问" });
    const plain = await open(`${svc.url}/guides/${code}`);
    expect(await plain.page.locator("#ask").innerText()).toContain("在公众号对话框里直接发文字或语音提问");
    expect(await back(plain.page).isVisible()).toBe(false);
    await plain.page.close();

    // WeChat's in-app browser injects WeixinJSBridge, before the page's script or after it (WeixinJSBridgeReady).
    for (const late of [false, true]) {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const bridge = `window.__bridge = []; window.__install = () => { window.WeixinJSBridge = { call: (name) => window.__bridge.push(name) }; };`;
      await page.addInitScript({ content: late ? bridge : `${bridge} window.__install();` });
      await page.goto(`${svc.url}/guides/${code}`);
      await page.waitForLoadState("load");
      if (late) await page.evaluate(`window.__install(); document.dispatchEvent(new Event("WeixinJSBridgeReady"));`);
      await back(page).click();
      expect(await page.evaluate("window.__bridge"), `bridge ${late ? "after" : "before"} load`).toEqual(["closeWindow"]);
      if (!late) await page.screenshot({ path: artifactPath("guide-page-wechat-ask.png"), fullPage: true });
      await page.close();
    }
  });

  it("shows the not-found page and the public complaints page without violations", async () => {
    for (const [url, shot] of [
      [`${svc.url}/guides/NO-SUCH-ITEM`, "guide-not-found.png"],
      [`${svc.url}/complaints/public`, "complaints-public.png"],
    ] as const) {
      const { page, problems } = await open(url);
      expect(await page.evaluate("window.__violations"), url).toEqual([]);
      expect(problems.filter((p) => !p.includes("404")), url).toEqual([]);
      await page.screenshot({ path: artifactPath(shot), fullPage: true });
      await page.close();
    }
  });
});
