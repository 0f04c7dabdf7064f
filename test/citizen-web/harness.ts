import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { DbKind } from "../../src/platform/db";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { startTestService, type TestService } from "../support/service";
import { APPID, fixture, postWechat, wechatEnv } from "../wechat/helpers";

const root = path.resolve(import.meta.dirname, "../..");
export const ADMIN = "staff-token-citizen-web";
export const ITEM = "QH-630100-CGS-001";
export const GUIDE_FILE = "630100-cgs-jiazhao-buling.yaml";
const TICKET = /QH\d{14}/;

/** A free port, so PUBLIC_BASE_URL (WeChat's redirect_uri) can name the service before it starts. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface CitizenWebHarness {
  svc: TestService;
  fake: FakeWechat;
  base: string;
  /** A citizen chatting with the Official Account (signed messages through the real /wechat). */
  oa(openid: string): (content: string) => Promise<string>;
  fileComplaint(openid: string, what: string): Promise<string>;
  replied(ticket: string, replyText: string): Promise<void>;
  application(oaOpenid: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real service (every capability, the shipped driving-licence guide) with WeChat
 * configured against the fake WeChat server, for both the API and web authorization.
 */
export async function startCitizenWeb(o: { db?: DbKind; guidesDir?: string; env?: Record<string, string> } = {}): Promise<CitizenWebHarness> {
  // A fixed clock (deadlines stay inside the confirmed holiday years); signed WeChat timestamps follow it.
  const clock = { ms: Date.parse("2026-11-10T02:00:00Z") };
  const seconds = () => Math.floor(clock.ms / 1000);
  const guidesDir = o.guidesDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "zw-guides-"));
  if (!o.guidesDir) fs.copyFileSync(path.join(root, "guides", GUIDE_FILE), path.join(guidesDir, GUIDE_FILE));
  const fake = await startFakeWechat({ apps: { [APPID]: wechatEnv("plain").WECHAT_APPSECRET! } });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const svc = await startTestService({
    db: o.db,
    now: () => new Date(clock.ms),
    env: {
      ...wechatEnv("plain", fake.url),
      WECHAT_OAUTH_BASE: fake.url,
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      AUTO_IMPORT_GUIDES: "true",
      GUIDES_DIR: guidesDir,
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: "warn",
      ...o.env,
    },
  });
  const oa = (openid: string) => async (content: string) => {
    clock.ms += 1000;
    const r = await postWechat(svc.url, fixture("text", { content, from: openid, time: seconds() }), { mode: "plain", timestamp: seconds() });
    expect(r.status).toBe(200);
    return r.reply?.Content ?? "";
  };
  const staff = (p: string, body: unknown = {}) =>
    fetch(`${svc.url}${p}`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  return {
    svc,
    fake,
    base,
    oa,
    async fileComplaint(openid, what) {
      const say = oa(openid);
      expect(await say("我要投诉")).toMatch(/描述/);
      await say(what);
      await say("西宁市城西区五四西路");
      await say("上个月开始");
      let done = await say("否");
      // The dialogue shows a summary to confirm before filing (issue 19).
      if (!TICKET.test(done)) done = await say("确认");
      expect(done).toMatch(TICKET);
      return TICKET.exec(done)![0];
    },
    async replied(ticket, replyText) {
      const row = await svc.ctx.db.prisma.complaint.findUniqueOrThrow({ where: { ticketNo: ticket } });
      const step = async (s: string, body: unknown = {}) => expect((await staff(`/api/v1/admin/complaints/${ticket}/${s}`, body)).status).toBe(200);
      if (row.status === "accepted") await step("dispatch", { department: "西宁市城西区住房和城乡建设局" });
      await step("sign");
      await step("progress", { note: "已派人现场查看" });
      await step("reply", { replyText });
    },
    async application(oaOpenid) {
      const applicant = { name: "张三丰", idNumber: "630102199001011234", phone: "13912345678" };
      const r = await staff("/api/v1/admin/applications", { itemCode: ITEM, applicant, oaOpenid });
      expect(r.status, await r.clone().text()).toBe(201);
      const { number } = (await r.json()) as { number: string };
      const moved = await staff(`/api/v1/admin/applications/${number}/transitions`, { status: "accepted", note: "材料齐全，已受理" });
      expect(moved.status, await moved.clone().text()).toBe(200);
      return number;
    },
    async stop() {
      await svc.stop();
      await fake.close();
      if (!o.guidesDir) fs.rmSync(guidesDir, { recursive: true, force: true });
    },
  };
}

/** A browser's cookie jar for fetch: what Set-Cookie said, sent back on the next request. */
export class CookieJar {
  readonly cookies = new Map<string, { value: string; attrs: string }>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, { value, attrs: attrs.join(";").trim() });
    }
  }
  header(): string {
    return [...this.cookies].map(([n, c]) => `${n}=${c.value}`).join("; ");
  }
  /** GET without following redirects. */
  async get(url: string): Promise<Response> {
    const res = await fetch(url, { redirect: "manual", headers: this.cookies.size ? { cookie: this.header() } : {} });
    this.take(res);
    return res;
  }
}
