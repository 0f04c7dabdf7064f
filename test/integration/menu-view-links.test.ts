import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, startCitizenWeb, type CitizenWebHarness } from "../citizen-web/harness";

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
  let h: CitizenWebHarness;
  beforeAll(async () => {
    h = await startCitizenWeb();
    h.fake.setWebUser({ openid: "o_menu_view" });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("the menu has view links", () => expect(views.length).toBeGreaterThan(0));

  it.each(views)("%s answers 200 with an HTML page", async (template) => {
    const url = template.replace("{PUBLIC_BASE_URL}", h.base);
    // fetch follows the redirects (our page → authorization → back with a code → the page) keeping no
    // cookies, so the cookies the service sets are carried by hand along the way.
    const jar = new CookieJar();
    let next = url;
    let res: Response | undefined;
    for (let hop = 0; hop < 6; hop++) {
      res = await fetch(next, { redirect: "manual", headers: jar.cookies.size ? { cookie: jar.header() } : {} });
      jar.take(res);
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) break;
      next = new URL(location, next).toString();
    }
    expect(res?.status).toBe(200);
    expect(res?.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res!.text()).toMatch(/<html[\s>]/i);
  });
});
