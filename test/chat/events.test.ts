import { beforeAll, describe, expect, it } from "vitest";
import type { ChatCommand } from "../../src/chat/commands";
import type { ChatDeps } from "../../src/chat/deps";
import { handleMessage } from "../../src/chat/handle-message";
import type { EventFields, IncomingMessage, Reply } from "../../src/chat/types";
import { chatHarness } from "./harness";

let h: Awaited<ReturnType<typeof chatHarness>>;
/** What the recording command saw: a menu tap must reach it exactly as typing would. */
const typed: { text: string; verified?: boolean; lang: string }[] = [];
const progress: ChatCommand = {
  name: "progress-probe",
  personal: true,
  match: (text) => text === "查进度",
  handle: async ({ incoming, text, lang }) => (typed.push({ text, verified: incoming.verified, lang }), { kind: "text", text: `probe:${text}` }),
};
let deps: ChatDeps;
beforeAll(async () => {
  h = await chatHarness({ config: { PUBLIC_BASE_URL: "https://zw.example.cn", HOTLINE: "12345", PROVINCE_NAME: "青海省" } });
  deps = { ...h.deps, commands: [progress], humanService: { hours: "always" } };
});

let n = 0;
const citizen = () => {
  const userId = `ev${++n}`;
  const base = { channel: "wechat" as const, userId, verified: true, receivedAt: new Date() };
  return {
    event: (e: EventFields) => handleMessage(deps, { ...base, kind: "event", ...e } as IncomingMessage),
    location: (label?: string) => handleMessage(deps, { ...base, kind: "location", latitude: 36.62, longitude: 101.78, ...(label ? { label } : {}) }),
    say: (text: string, lang?: "zh" | "bo") => handleMessage(deps, { ...base, kind: "text", text, lang }),
  };
};
const textOf = (r: Reply) => (r.kind === "text" ? r.text : "");

describe("channel events in the dialog", () => {
  it("a menu click runs the command a citizen could type, as the verified sender", async () => {
    typed.length = 0;
    const c = citizen();
    expect(textOf(await c.event({ event: "click", key: "PROGRESS_QUERY" }))).toBe("probe:查进度");
    expect(textOf(await c.say("查进度"))).toBe("probe:查进度");
    expect(typed).toEqual([
      { text: "查进度", verified: true, lang: "zh" },
      { text: "查进度", verified: true, lang: "zh" },
    ]);
    expect((await c.event({ event: "click", key: "HUMAN_SERVICE" })).kind).toBe("transfer");
  });

  it("GUIDE_ASK prompts with examples; an unmapped key gets the welcome, never silence", async () => {
    const c = citizen();
    expect(textOf(await c.event({ event: "click", key: "GUIDE_ASK" }))).toMatch(/例如：\n· 身份证丢了怎么补办/);
    for (const key of ["NOT_IN_MENU", "menu_click.PROGRESS_QUERY", "../x", undefined]) {
      expect(textOf(await c.event({ event: "click", ...(key ? { key } : {}) }))).toContain("欢迎关注青海省政务服务");
    }
  });

  it("a menu click after a Tibetan message answers in Tibetan: the command runs in bo, GUIDE_ASK prompts in bo", async () => {
    typed.length = 0;
    const c = citizen();
    await c.say("ཐོབ་ཐང་ལག་ཁྱེར་བོར་སོང་།");
    expect(textOf(await c.event({ event: "click", key: "PROGRESS_QUERY" }))).toBe("probe:查进度");
    expect(typed).toEqual([{ text: "查进度", verified: true, lang: "bo" }]);
    expect(textOf(await c.event({ event: "click", key: "GUIDE_ASK" }))).toMatch(/^ཁྱེད་ཀྱིས་སྒྲུབ་འདོད་པའི་ལས་དོན/);
  });

  it("welcomes a follower with what the assistant can do, in Tibetan when the conversation was", async () => {
    const c = citizen();
    const zh = textOf(await c.event({ event: "subscribe" }));
    for (const s of ["欢迎关注青海省政务服务", "查进度", "我要投诉", "人工", "12345"]) expect(zh).toContain(s);
    await c.say("ཐོབ་ཐང་ལག་ཁྱེར་བོར་སོང་།");
    expect(textOf(await c.event({ event: "subscribe" }))).toMatch(/^青海省གི་སྲིད་གཞུང་ཞབས་ཞུར/);
  });

  it("a QR scene guide:<code> opens that item's guide, and the conversation goes on from it", async () => {
    const c = citizen();
    const r = await c.event({ event: "scan", scene: "guide:QH-630000-GAT-001" });
    expect(r).toMatchObject({ kind: "text", itemCode: "QH-630000-GAT-001", aspect: "overview", link: "https://zw.example.cn/guides/QH-630000-GAT-001" });
    expect(textOf(r)).toContain("【居民身份证换领");
    const fees = await c.say("要多少钱？");
    expect(fees).toMatchObject({ itemCode: "QH-630000-GAT-001", aspect: "fees" });
  });

  it("following through such a QR code greets in one line before the guide, within one reply's budget", async () => {
    const r = await citizen().event({ event: "subscribe", scene: "guide:QH-630100-CGS-001" });
    expect(textOf(r)).toMatch(/^欢迎关注青海省政务服务！\n【机动车驾驶证补领/);
    expect(Buffer.byteLength(textOf(r))).toBeLessThanOrEqual(2048);
    expect(textOf(r).trim().endsWith("/guides/QH-630100-CGS-001")).toBe(true);
  });

  it("an unknown or foreign scene gets the welcome", async () => {
    for (const scene of ["guide:NO-SUCH-ITEM", "hall_007", "guide:../../etc"]) {
      expect(textOf(await citizen().event({ event: "scan", scene }))).toContain("欢迎关注青海省政务服务");
    }
  });

  it("opening a menu link, unfollowing, the automatic position report and other events get no reply", async () => {
    const c = citizen();
    for (const e of [{ event: "view", key: "https://zw.example.cn/guides" }, { event: "unsubscribe" }, { event: "location" }, { event: "other", key: "TEMPLATESENDJOBFINISH" }] as EventFields[]) {
      expect(await c.event(e)).toEqual({ kind: "none" });
    }
  });

  it("a location sent lists the asked-about item's places, saying no map position lets it pick the nearest", async () => {
    const c = citizen();
    const before = textOf(await c.location("西宁市城西区"));
    expect(before).toContain("收到您的位置（西宁市城西区）");
    expect(before).toContain("请发送您要办的事");
    await c.say("身份证过期了怎么换");
    const places = await c.location();
    expect(places).toMatchObject({ kind: "text", itemCode: "QH-630000-GAT-001", aspect: "locations" });
    expect(textOf(places)).toContain("暂无地图坐标");
    expect(textOf(places)).toContain("户籍所在地公安派出所户籍窗口");
  });
});
