import { beforeAll, describe, expect, it } from "vitest";
import { createCalendar, shanghaiDayOf } from "../../src/calendar";
import type { WorkdayPort } from "../../src/chat/ports";
import { asksForHuman } from "../../src/chat/commands";
import type { ChatDeps } from "../../src/chat/deps";
import { handleMessage } from "../../src/chat/handle-message";
import type { Channel, Reply } from "../../src/chat/types";
import { chatHarness } from "./harness";

let h: Awaited<ReturnType<typeof chatHarness>>;
beforeAll(async () => {
  h = await chatHarness();
});

/** Shanghai wall-clock time as an instant (UTC+8). */
const shanghai = (iso: string) => new Date(`${iso}+08:00`);
const calendar = createCalendar();
const officialWorkdays: WorkdayPort = async (at) => calendar.isWorkday(shanghaiDayOf(at));

let n = 0;
function ask(text: string, o: { channel?: Channel; hours?: string; at?: Date; isWorkday?: WorkdayPort; lang?: "zh" | "bo" } = {}): Promise<Reply> {
  const deps: ChatDeps = { ...h.deps, humanService: { hours: o.hours ?? "09:00-17:00", isWorkday: o.isWorkday, now: () => o.at ?? shanghai("2026-03-04T10:00:00") } };
  const channel = o.channel ?? "wechat";
  return handleMessage(deps, { kind: "text", channel, userId: `hs${++n}`, verified: channel !== "api", text, lang: o.lang, receivedAt: new Date() });
}
const textOf = (r: Reply) => (r.kind === "text" ? r.text : "");

describe("the human-service path", () => {
  const phrasings = ["人工", "转人工", "人工服务", "人工客服", "我要找人工客服", "找客服", "有人吗我要人工", "能转人工吗？", "帮我转人工吧", "联系客服", "我要人工服务谢谢", "人工客服在吗", "有人工服务吗", "客服在不在"];

  it.each(phrasings)("%s reaches it (a transfer in the Official Account during service hours)", async (text) => {
    expect(asksForHuman(text)).toBe(true);
    expect((await ask(text)).kind).toBe("transfer");
  });

  it.each(["家畜人工授精站在哪", "人工授精", "客服电话是多少", "人工智能", "我不要人工", "投诉客服态度差", "有人工授精站吗", "客服在哪里上班"])("%s is not a request for a person", async (text) => {
    expect(asksForHuman(text)).toBe(false);
    expect((await ask(text)).kind).not.toBe("transfer");
  });

  it("gives the hotline and hours outside service hours, and on a weekend, instead of a transfer", async () => {
    for (const at of [shanghai("2026-03-04T08:59:00"), shanghai("2026-03-04T17:00:00"), shanghai("2026-03-07T10:00:00")]) {
      const r = await ask("我要找人工客服", { at });
      expect(r.kind).toBe("text");
      expect(textOf(r)).toContain("12345");
      expect(textOf(r)).toContain("工作日 9:00–17:00");
      expect(textOf(r)).toContain("不在服务时间");
    }
    expect((await ask("人工", { at: shanghai("2026-03-04T16:59:00") })).kind).toBe("transfer");
  });

  it("follows the official calendar: a make-up Saturday is a working day, a national-day Thursday is not", async () => {
    expect((await ask("人工", { at: shanghai("2026-02-14T10:00:00"), isWorkday: officialWorkdays })).kind).toBe("transfer");
    expect((await ask("人工", { at: shanghai("2026-10-01T10:00:00"), isWorkday: officialWorkdays })).kind).toBe("text");
    // Without the calendar (or for a year nobody confirmed) Monday to Friday count.
    const unknown = async () => Promise.reject(new Error("year_unconfirmed"));
    expect((await ask("人工", { at: shanghai("2027-03-03T10:00:00"), isWorkday: unknown })).kind).toBe("transfer");
    expect((await ask("人工", { at: shanghai("2027-03-06T10:00:00"), isWorkday: unknown })).kind).toBe("text");
  });

  it("never promises a transfer in the mini-program or the API: hotline and hours, at any time", async () => {
    for (const channel of ["miniprogram", "api"] as const) {
      const r = await ask("我要找人工客服", { channel });
      expect(r.kind).toBe("text");
      expect(textOf(r)).toContain("请拨打12345");
      expect(textOf(r)).toContain("工作日 9:00–17:00");
      expect(textOf(r)).not.toContain("转接");
    }
  });

  it("with HUMAN_SERVICE_HOURS=off gives the hotline only; with always it transfers at night", async () => {
    const off = await ask("人工", { hours: "off" });
    expect(off.kind).toBe("text");
    expect(textOf(off)).toContain("请拨打12345");
    expect((await ask("人工", { hours: "always", at: shanghai("2026-03-08T03:00:00") })).kind).toBe("transfer");
  });

  it("answers in Tibetan when the conversation is in Tibetan", async () => {
    const r = await ask("人工", { channel: "miniprogram", lang: "bo" });
    expect(textOf(r)).toMatch(/[\u0F00-\u0FFF]/);
    expect(textOf(r)).toContain("12345");
  });
});
