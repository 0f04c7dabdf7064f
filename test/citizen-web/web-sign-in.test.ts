import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { startTestService } from "../support/service";
import { APPID } from "../wechat/helpers";
import { CookieJar, startCitizenWeb, type CitizenWebHarness } from "./harness";

/**
 * "My complaints" / "my applications" behind WeChat web authorization (issue 18), over HTTP
 * against the real service and the fake WeChat server: the 302 to WeChat, the round trip, the
 * state (CSRF) check, invalid and used codes, tampered cookies, and another citizen's records.
 */
describe.each(testDbKinds())("citizens' own pages behind WeChat web authorization (%s)", (db) => {
  let h: CitizenWebHarness;
  let ticketA: string;
  let ticketB: string;
  let numberA: string;

  beforeAll(async () => {
    h = await startCitizenWeb({ db });
    ticketA = await h.fileComplaint("o_web_citizen_A", "小区门口的路灯坏了一个月了，晚上很黑");
    await h.replied(ticketA, "路灯已于本周修复，感谢您的反映。");
    ticketB = await h.fileComplaint("o_web_citizen_B", "楼下餐馆油烟很大，窗户都不能开");
    numberA = await h.application("o_web_citizen_A");
  }, 180_000);
  afterAll(async () => h?.stop());

  /** The browser's side of WeChat's authorization page: follow its 302 back to our callback. */
  async function authorizeAt(jar: CookieJar, location: string): Promise<URL> {
    const page = await jar.get(location);
    expect(page.status).toBe(302);
    return new URL(page.headers.get("location")!);
  }

  /** Signs `openid` in through the whole round trip; the jar then holds the session cookie. */
  async function signIn(openid: string, start = "/complaints"): Promise<CookieJar> {
    const jar = new CookieJar();
    h.fake.setWebUser({ openid });
    const first = await jar.get(`${h.base}${start}`);
    expect(first.status).toBe(302);
    const back = await authorizeAt(jar, first.headers.get("location")!);
    const done = await jar.get(back.toString());
    expect(done.status, await done.clone().text()).toBe(302);
    expect(done.headers.get("location")).toBe(start);
    return jar;
  }

  it("sends an unknown visitor (302) to WeChat's authorization URL, state bound to the browser", async () => {
    for (const page of ["/complaints", "/applications", `/complaints/${ticketA}`]) {
      const jar = new CookieJar();
      const res = await jar.get(`${h.base}${page}`);
      expect(res.status, page).toBe(302);
      const to = res.headers.get("location")!;
      expect(to.startsWith(`${h.fake.url}/connect/oauth2/authorize?`)).toBe(true);
      expect(to.endsWith("#wechat_redirect")).toBe(true);
      const q = new URL(to).searchParams;
      expect(Object.fromEntries(q)).toMatchObject({ appid: APPID, redirect_uri: `${h.base}/auth/wechat/callback`, response_type: "code", scope: "snsapi_base" });
      expect(q.get("state")).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const state = jar.cookies.get("zw_oauth_state")!;
      expect(state.value.startsWith(`${q.get("state")}.`)).toBe(true);
      expect(state.attrs).toMatch(/httponly/i);
      expect(state.attrs).toMatch(/samesite=lax/i);
      expect(state.attrs).toMatch(/path=\/auth\/wechat\/callback/i);
      expect(jar.cookies.has("zw_citizen")).toBe(false);
    }
  });

  it("after the round trip shows the citizen's own complaints and applications, with status, deadline and reply", async () => {
    const jar = await signIn("o_web_citizen_A");
    const session = jar.cookies.get("zw_citizen")!;
    expect(session.attrs).toMatch(/httponly/i);
    expect(session.attrs).toMatch(/samesite=lax/i);
    expect(session.attrs).not.toMatch(/secure/i); // plain http here; Secure is set over HTTPS
    expect(jar.cookies.has("zw_oauth_state")).toBe(false);
    // The code went to WeChat's documented exchange, with our app's credentials.
    const exchange = h.fake.calls("/sns/oauth2/access_token").at(-1)!;
    expect(exchange.query).toMatchObject({ appid: APPID, grant_type: "authorization_code" });
    expect(exchange.errcode).toBe(0);

    const list = await jar.get(`${h.base}/complaints`);
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toContain("no-store");
    const listHtml = await list.text();
    expect(listHtml).toContain(ticketA);
    expect(listHtml).not.toContain(ticketB);
    const detail = await (await jar.get(`${h.base}/complaints/${ticketA}`)).text();
    expect(detail).toContain("路灯已于本周修复，感谢您的反映。");
    expect(detail).toContain("已答复");
    expect(detail).toContain("评价 " + ticketA);

    const apps = await (await jar.get(`${h.base}/applications`)).text();
    expect(apps).toContain(numberA);
    const app = await (await jar.get(`${h.base}/applications/${numberA}`)).text();
    expect(app).toContain("已受理");
    expect(app).toContain("材料齐全，已受理");
    expect(app).toMatch(/应办结日期<\/dt><dd>2026-11-\d\d/);
    // The same person as in the Official Account: one user, found by the openid.
    expect(await h.svc.ctx.db.prisma.user.count({ where: { oaOpenid: "o_web_citizen_A" } })).toBe(1);
  });

  it("shows the pending reply's deadline to the citizen whose ticket is not answered yet", async () => {
    const jar = await signIn("o_web_citizen_B", `/complaints/${ticketB}`);
    const res = await jar.get(`${h.base}/complaints/${ticketB}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("正在办理中");
    const row = await h.svc.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: ticketB } });
    if (row.replyDueAt) expect(page).toContain("答复期限");
  });

  it("answers another citizen's record 404, exactly like a number that does not exist", async () => {
    const jar = await signIn("o_web_citizen_B");
    for (const url of [`/complaints/${ticketA}`, `/complaints/${ticketA.toLowerCase()}`, "/complaints/QH20261110999999", `/complaints/${"x".repeat(60)}`]) {
      const res = await jar.get(`${h.base}${url}`);
      expect(res.status, url).toBe(404);
      const page = await res.text();
      expect(page).toContain("没有找到这条工单");
      expect(page).not.toContain("路灯");
    }
    for (const url of [`/applications/${numberA}`, "/applications/QH20261110ABCDEFGHJK0"]) {
      const res = await jar.get(`${h.base}${url}`);
      expect(res.status, url).toBe(404);
      expect(await res.text()).toContain("没有找到这件办件");
    }
    expect(await (await jar.get(`${h.base}/applications`)).text()).not.toContain(numberA);
  });

  it("refuses a callback whose state is not this browser's, or used before, without spending the code", async () => {
    h.fake.setWebUser({ openid: "o_web_citizen_A" });
    const victim = new CookieJar();
    const start = await victim.get(`${h.base}/complaints`);
    const back = await authorizeAt(victim, start.headers.get("location")!);
    const exchanges = h.fake.calls("/sns/oauth2/access_token").length;
    // Login CSRF: the attacker's callback link (their code and state) opened in another browser.
    const other = new CookieJar();
    const forged = await other.get(back.toString());
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("不是从本页面发起");
    expect(other.cookies.has("zw_citizen")).toBe(false);
    // The right browser, but a state that is not the one it was sent off with.
    const wrong = new URL(back);
    wrong.searchParams.set("state", "A".repeat(22));
    expect((await victim.get(wrong.toString())).status).toBe(400);
    expect(h.fake.calls("/sns/oauth2/access_token")).toHaveLength(exchanges);
    // The genuine callback works once; replayed, its state is spent.
    expect((await victim.get(back.toString())).status).toBe(302);
    const replay = await fetch(back, { redirect: "manual", headers: { cookie: `zw_oauth_state=${start.headers.getSetCookie()[0]!.split(";")[0]!.split("=")[1]}` } });
    expect(replay.status).toBe(400);
  });

  it("refuses an invalid or used code (WeChat's 40029 / 40163) with a 400 page, and a malformed callback", async () => {
    h.fake.setWebUser({ openid: "o_web_citizen_A" });
    const jar = new CookieJar();
    const start = await jar.get(`${h.base}/complaints`);
    const state = new URL(start.headers.get("location")!).searchParams.get("state")!;
    const bogus = await jar.get(`${h.base}/auth/wechat/callback?code=not_a_real_code&state=${state}`);
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toContain("微信登录凭证无效");
    expect(h.fake.calls("/sns/oauth2/access_token").at(-1)!.errcode).toBe(40029);
    expect(jar.cookies.has("zw_citizen")).toBe(false);

    // A code already exchanged (WeChat codes are single use).
    const used = h.fake.calls("/sns/oauth2/access_token").find((c) => c.errcode === 0)!.query.code!;
    const again = new CookieJar();
    const s2 = new URL((await again.get(`${h.base}/complaints`)).headers.get("location")!).searchParams.get("state")!;
    const res = await again.get(`${h.base}/auth/wechat/callback?code=${used}&state=${s2}`);
    expect(res.status).toBe(400);
    expect(h.fake.calls("/sns/oauth2/access_token").at(-1)!.errcode).toBe(40163);
    expect(await res.text()).toMatch(/href="\/complaints"[^>]*>重新进入/);
    // From 我的办件, "重新进入" goes back to 我的办件.
    const fromApps = new CookieJar();
    const s3 = new URL((await fromApps.get(`${h.base}/applications`)).headers.get("location")!).searchParams.get("state")!;
    const failed = await fromApps.get(`${h.base}/auth/wechat/callback?code=${used}&state=${s3}`);
    expect(failed.status).toBe(400);
    expect(await failed.text()).toMatch(/href="\/applications"[^>]*>重新进入/);

    for (const q of ["", "?state=abc", "?code=a%20b&state=abc", `?code=${"c".repeat(200)}&state=abc`]) {
      expect((await jar.get(`${h.base}/auth/wechat/callback${q}`)).status, q).toBe(400);
    }
  });

  it("treats a tampered, forged or unknown session cookie as no session (302 to WeChat)", async () => {
    const jar = await signIn("o_web_citizen_A");
    const real = jar.cookies.get("zw_citizen")!.value;
    const [token, sig] = [real.slice(0, real.lastIndexOf(".")), real.slice(real.lastIndexOf(".") + 1)];
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const value of [`${flip(token)}.${sig}`, `${token}.${flip(sig)}`, token, `${"A".repeat(43)}.${sig}`, `${token}.${sig}x`, ""]) {
      const res = await fetch(`${h.base}/complaints/${ticketA}`, { redirect: "manual", headers: { cookie: `zw_citizen=${value}` } });
      expect(res.status, value).toBe(302);
      expect(res.headers.get("location")).toContain("/connect/oauth2/authorize?");
    }
    // The genuine cookie still works.
    expect((await jar.get(`${h.base}/complaints/${ticketA}`)).status).toBe(200);
  });

  // Last: it spends this address's sign-in budget for the minute.
  it("limits the sign-ins one address may start (each writes a state): 429 beyond 60 a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) statuses.push((await fetch(`${h.base}/complaints`, { redirect: "manual" })).status);
    expect(statuses.filter((s) => s === 302).length).toBeLessThanOrEqual(60);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("citizens' own pages without WeChat configured", () => {
  it("say so plainly (503 page, not a 500 or a redirect to nowhere)", async () => {
    const svc = await startTestService({ env: { LOG_LEVEL: "warn" } });
    try {
      for (const p of ["/complaints", "/applications", "/complaints/QH20261110000001"]) {
        const res = await fetch(`${svc.url}${p}`, { redirect: "manual" });
        expect(res.status, p).toBe(503);
        expect(res.headers.get("content-type")).toContain("text/html");
        expect(await res.text()).toContain("尚未开通微信网页登录");
      }
      expect((await fetch(`${svc.url}/auth/wechat/callback?code=abc&state=abc`, { redirect: "manual" })).status).toBe(503);
    } finally {
      await svc.stop();
    }
  });
});
