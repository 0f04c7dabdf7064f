import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/platform/templates";
import type { DbKind } from "../../src/platform/db";
import { shippedGuides } from "../support/chat-doors";
import { testDbKinds } from "../support/db";
import { startTestService, type TestService } from "../support/service";
import { testStoreKinds } from "../support/store";
import { fixture, postWechat, wechatEnv, type Mode, type WechatResponse } from "../wechat/helpers";

const root = path.resolve(import.meta.dirname, "../..");

interface MenuButton {
  type?: string;
  name: string;
  key?: string;
  url?: string;
  sub_button?: MenuButton[];
}
/** The SHIPPED menu, as `npm run wechat:menu` publishes it: every button a citizen can tap. */
const menu = JSON.parse(fs.readFileSync(path.join(root, "templates/wechat/menu.json"), "utf8")) as { button: MenuButton[] };
const buttons = menu.button.flatMap((b) => b.sub_button ?? [b]);
const clicks = buttons.filter((b) => b.type === "click").map((b) => b.key!);
const views = buttons.filter((b) => b.type === "view").map((b) => b.url!);

const welcome = t("chat", "zh", "welcome", { province: "青海省", hotline: "12345" });
/** What each shipped click must start (templates are read, so a reworded prompt still counts). */
const expected: Record<string, (r: WechatResponse) => void> = {
  PROGRESS_QUERY: (r) => expect(r.reply?.Content).toBe(t("applications", "zh", "chat.ask_number")),
  COMPLAINT_START: (r) => expect(r.reply?.Content).toBe(t("complaints", "zh", "chat.ask_what")),
  HUMAN_SERVICE: (r) => expect(r.reply?.MsgType).toBe("transfer_customer_service"),
  GUIDE_ASK: (r) => expect(r.reply?.Content).toBe(t("chat", "zh", "menu_reply.GUIDE_ASK")),
};

const variants = [
  { mode: "plain" as Mode, db: "pglite" as DbKind, redis: false },
  { mode: "aes" as Mode, db: "postgres" as DbKind, redis: true },
].filter((v) => testDbKinds().includes(v.db) && (!v.redis || testStoreKinds().includes("redis")));

/**
 * The citizen's front door, end to end: the shipped menu's every button as a signed (in safe
 * mode encrypted) WeChat event through the real service — the real chat handler, the real
 * application and complaint commands, the imported guides — plus following, QR scenes, menu
 * links, locations and voice. (The pages behind the view links: menu-view-links.test.ts.)
 */
describe.each(variants)("the shipped WeChat menu on the real service ($mode, $db, redis: $redis)", ({ mode, db, redis }) => {
  let svc: TestService;
  let guides: ReturnType<typeof shippedGuides> | undefined;
  beforeAll(async () => {
    guides = shippedGuides(["630000-gat-sfz-huanling.yaml", "630000-gat-sfz-buling.yaml", "630100-cgs-jiazhao-buling.yaml"]);
    // Human service "always" staffed, so the transfer is what the click must give whatever the hour.
    svc = await startTestService({ db, redis, env: { ...wechatEnv(mode), AUTO_IMPORT_GUIDES: "true", GUIDES_DIR: guides.dir, HUMAN_SERVICE_HOURS: "always" } });
  });
  afterAll(async () => {
    await svc?.stop();
    guides?.remove();
  });

  const send = async (name: string, v: { key?: string; content?: string; from: string }) => {
    const r = await postWechat(svc.url, fixture(name, v), { mode });
    expect(r.status).toBe(200);
    return r;
  };

  it("the menu has the four click buttons the citizen sees", () => {
    expect(clicks.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(clicks)("click %s gets its own real reply, not silence and not the generic welcome", async (key) => {
    const r = await send("menu-click", { key, from: `o_menu_${key}_${mode}` });
    expect(r.text).not.toBe("success");
    expect(r.reply?.MsgType === "transfer_customer_service" || Boolean(r.reply?.Content?.trim())).toBe(true);
    expect(r.reply?.Content).not.toBe(welcome);
    expected[key]!(r);
  });

  it("进度查询 then waits for the number, as typing 查进度 does; 取消 ends it", async () => {
    const from = `o_menu_progress_${mode}`;
    await send("menu-click", { key: "PROGRESS_QUERY", from });
    expect((await send("text", { content: "取消", from })).reply?.Content).toBe(t("applications", "zh", "chat.cancelled"));
  });

  it("我要投诉 starts the complaint dialogue, which the next message continues", async () => {
    const from = `o_menu_complaint_${mode}`;
    await send("menu-click", { key: "COMPLAINT_START", from });
    const next = await send("text", { content: "小区门口的路灯坏了一个月了，晚上很黑", from });
    expect(next.reply?.Content).toBe(t("complaints", "zh", "chat.ask_where"));
  });

  it("following greets with what the assistant can do", async () => {
    expect((await send("subscribe", { from: `o_follow_${mode}` })).reply?.Content).toBe(welcome);
  });

  it("scanning a window's QR code (scene guide:<code>) opens that guide, following through it too", async () => {
    const scan = await send("scan-scene", { key: "guide:QH-630000-GAT-001", from: `o_scan_${mode}` });
    expect(scan.reply?.Content).toContain("【居民身份证换领");
    expect(scan.reply?.Content).toContain("/guides/QH-630000-GAT-001");
    const follow = await send("subscribe-scene", { key: "qrscene_guide:QH-630100-CGS-001", from: `o_scanfollow_${mode}` });
    expect(follow.reply?.Content).toMatch(/^欢迎关注青海省政务服务！\n【机动车驾驶证补领/);
    expect((await send("scan-scene", { key: "hall_007", from: `o_scan2_${mode}` })).reply?.Content).toBe(welcome);
  });

  it("opening a menu link and the automatic location report get success (no reply)", async () => {
    for (const url of views) {
      const r = await send("view", { key: url.replace("{PUBLIC_BASE_URL}", svc.url), from: `o_view_${mode}` });
      expect(r.text).toBe("success");
    }
    expect((await send("location-report", { from: `o_view_${mode}` })).text).toBe("success");
  });

  it("a location sent after a question lists that item's service places", async () => {
    const from = `o_location_${mode}`;
    await send("text", { content: "身份证丢了怎么补办", from });
    const r = await send("location", { from });
    expect(r.reply?.Content).toContain("暂无地图坐标");
    expect(r.reply?.Content).toContain("户籍所在地公安派出所户籍窗口");
  });

  it("a voice message is answered from WeChat's recognised text", async () => {
    const r = await send("voice", { from: `o_voice_${mode}` });
    expect(r.reply?.Content).toContain("【居民身份证补领");
  });

  it("the same request for a person in the mini-program's ask gives the hotline, never a transfer", async () => {
    const res = await fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "我要找人工客服" }) });
    const body = (await res.json()) as { text: string };
    expect(res.status).toBe(200);
    expect(body.text).toContain("请拨打12345");
    expect(body.text).not.toContain("转接");
  });
});
