import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApplicationNumber } from "../../src/applications";
import { createSession } from "../../src/miniprogram";
import { testDbKinds } from "../support/db";
import { APPLICANT, chatWith, randomOpenid, sh, startHarness, type Harness } from "./harness";

describe.each(testDbKinds())("applicants looking up progress (%s)", (db) => {
  let h: Harness;
  let number: string;
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 08:00"));
    number = (await h.create("W5")).number;
    await h.move(number, "accepted", sh("2025-11-03 09:00"));
    h.clock.now = sh("2025-11-05 10:00");
  }, 60_000);
  afterAll(() => h?.stop());

  it("answers a user bound by phone at once: status, last step, due date, days left", async () => {
    const openid = randomOpenid();
    await h.addUser({ oaOpenid: openid, phone: APPLICANT.phone });
    const say = chatWith(h, "wechat", openid);
    const reply = await say(`进度 ${number}`);
    expect(reply).toContain("当前状态：已受理");
    expect(reply).toContain("最近一步：已受理（2025-11-03 09:00）");
    expect(reply).toContain("承诺办结日期：2025-11-10（5个工作日），已用 2 个工作日，剩余 3 个工作日");
  });

  it("asks an unbound user for the number, then the last 4 digits, and checks them", async () => {
    const say = chatWith(h, "wechat", randomOpenid());
    expect(await say("查进度")).toContain("请发送办件编号");
    expect(await say(number.toLowerCase())).toContain("后 4 位");
    expect(await say("0000")).toContain("不正确");
    expect(await say(`进度 ${number}`)).toContain("后 4 位");
    expect(await say(APPLICANT.idNumber.slice(-4))).toContain("当前状态：已受理");
    // Lower-case, spaced and with look-alike letters (O for 0, l for 1 in the date 20251103) still finds it.
    const lookAlike = `${number.slice(0, 6).toLowerCase()} ${number.slice(6, 10).replaceAll("0", "O").replaceAll("1", "l")} ${number.slice(10)}`;
    expect(lookAlike).toMatch(/^qh2025 llO3 /);
    expect(await say(`进度 ${lookAlike}`)).toContain("后 4 位");
    expect(await say(APPLICANT.phone.slice(-4))).toContain("当前状态：已受理");
    expect(await say("今天天气怎么样")).toBeNull();
  });

  it("gives an unknown number no oracle: it asks for the last 4 digits like any other", async () => {
    const say = chatWith(h, "api", "anon-1");
    const unknown = generateApplicationNumber(h.clock.now);
    expect(await say(`进度 ${unknown}`)).toContain("后 4 位");
    expect(await say("5678")).toContain("不正确");
    expect(await say("进度 QH2025110312345")).toContain("格式不正确");
    expect(await say(`进度 ${number.slice(0, -1)}${number.endsWith("0") ? "1" : "0"}`)).toContain("格式不正确");
  });

  it("locks a user out after 5 failed attempts in 10 minutes, even for a correct answer", async () => {
    const say = chatWith(h, "wechat", randomOpenid());
    for (let i = 0; i < 4; i++) {
      await say(`进度 ${number}`);
      expect(await say(`000${i}`)).toContain("不正确");
    }
    await say(`进度 ${number}`);
    expect(await say("0009")).toContain("失败次数过多");
    expect(await say(`进度 ${number}`)).toContain("失败次数过多");
    // Another user is not affected.
    const other = chatWith(h, "wechat", randomOpenid());
    await other(`进度 ${number}`);
    expect(await other(APPLICANT.phone.slice(-4))).toContain("当前状态");
  });

  it("mini-program: lists my applications (bound phone) and shows the timeline; someone else's is 404", async () => {
    const mine = await h.addUser({ mpOpenid: randomOpenid(), phone: APPLICANT.phone });
    const stranger = await h.addUser({ mpOpenid: randomOpenid(), phone: "13700000000" });
    const get = async (userId: string, path: string) => {
      const { token } = await createSession(h.service.ctx, userId);
      const res = await fetch(h.service.url + path, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as any };
    };
    const list = await get(mine, "/api/v1/mp/applications");
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { number: string }) => a.number)).toContain(number);
    const detail = await get(mine, `/api/v1/mp/applications/${number}`);
    expect(detail.body.timeline.map((e: { status: string }) => e.status)).toEqual(["submitted", "accepted"]);
    expect(detail.body.timeline[0].actor).toBeUndefined();
    expect((await get(stranger, `/api/v1/mp/applications/${number}`)).status).toBe(404);
    expect((await get(stranger, "/api/v1/mp/applications")).body.items).toEqual([]);
    expect((await fetch(`${h.service.url}/api/v1/mp/applications`)).status).toBe(401);
  });

  it("masks personal data in every response and keeps it out of the logs", async () => {
    const detail = await h.admin("GET", `/api/v1/admin/applications/${number}`);
    expect(detail.body.applicant).toEqual({ name: "张**", idNumber: "630102********1234", phone: "139****5678" });
    const text = JSON.stringify(detail.body) + JSON.stringify((await h.admin("GET", "/api/v1/admin/applications")).body);
    for (const secret of [APPLICANT.idNumber, APPLICANT.phone, APPLICANT.name]) {
      expect(text).not.toContain(secret);
      expect(h.service.logText()).not.toContain(secret);
    }
    const row = await h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { number } });
    expect(JSON.stringify(row)).not.toContain(APPLICANT.phone);
    expect((await fetch(`${h.service.url}/api/v1/admin/applications/${number}`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });
});
