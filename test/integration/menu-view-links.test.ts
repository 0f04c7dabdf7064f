import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { startTestService, type TestService } from "../support/service";
import { wechatEnv } from "../wechat/helpers";

const root = path.resolve(import.meta.dirname, "../..");

interface MenuButton {
  type?: string;
  url?: string;
  sub_button?: MenuButton[];
}
const menu = JSON.parse(fs.readFileSync(path.join(root, "templates/wechat/menu.json"), "utf8")) as { button: MenuButton[] };
const views = menu.button.flatMap((b) => b.sub_button ?? [b]).filter((b) => b.type === "view").map((b) => b.url!);

/**
 * Every link in the SHIPPED menu opens a page, as WeChat's in-app browser would open it: a page
 * for a citizen who is not yet known starts with WeChat web authorization (302 to
 * WECHAT_OAUTH_BASE, here the fake WeChat server, which sends the browser back with a code),
 * and ends in 200 with an HTML page. (The pages themselves are issue 18's H5 work.)
 */
describe("the shipped menu's view links", () => {
  let svc: TestService;
  let fake: FakeWechat;
  let guidesDir: string;
  beforeAll(async () => {
    fake = await startFakeWechat();
    guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-view-guides-"));
    fs.copyFileSync(path.join(root, "guides", "630000-gat-sfz-huanling.yaml"), path.join(guidesDir, "630000-gat-sfz-huanling.yaml"));
    svc = await startTestService({
      env: { ...wechatEnv("plain", fake.url), WECHAT_OAUTH_BASE: fake.url, AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guidesDir },
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await fake?.close();
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  it("the menu has view links", () => expect(views.length).toBeGreaterThan(0));

  it.each(views)("%s answers 200 with an HTML page", async (template) => {
    const url = template.replace("{PUBLIC_BASE_URL}", svc.url);
    // fetch follows the redirects (our page → authorization → back with a code → the page) keeping no
    // cookies, so the cookie the service sets is carried by hand along the way.
    let cookie = "";
    let next = url;
    let res: Response | undefined;
    for (let hop = 0; hop < 6; hop++) {
      res = await fetch(next, { redirect: "manual", headers: cookie ? { cookie } : {} });
      const set = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      if (set) cookie = set;
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) break;
      next = new URL(location, next).toString();
    }
    expect(res?.status).toBe(200);
    expect(res?.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res!.text()).toMatch(/<html[\s>]/i);
  });
});
