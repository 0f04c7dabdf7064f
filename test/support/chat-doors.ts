import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fixture, postWechat, wechatEnv } from "../wechat/helpers";
import { startFakeWechat, type FakeWechat } from "./fake-wechat";
import { startTestService, type TestService } from "./service";

const root = path.resolve(import.meta.dirname, "../..");

/** Shipped guides (by file name under guides/) copied to a folder of their own, for AUTO_IMPORT_GUIDES. */
export function shippedGuides(files: string[]): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-guides-"));
  for (const f of files) fs.copyFileSync(path.join(root, "guides", f), path.join(dir, f));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface ChatDoors {
  svc: TestService;
  fake: FakeWechat;
  /** The service's clock; each Official Account message moves it on a second (signed timestamps follow it). */
  clock: { ms: number };
  /** A citizen on the Official Account: signed text messages to /wechat, the reply's text. */
  oa: (openid: string) => (content: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * The whole service with both chat doors open on a fake WeChat server: the Official Account
 * (plain mode) and the mini-program (its logins succeed), the driving-licence guide shipped,
 * staff behind `adminToken`, the hotline 12345, a fixed clock from `startAt`.
 */
export async function startChatDoors(o: { mpAppid: string; adminToken: string; startAt: string }): Promise<ChatDoors> {
  const guides = shippedGuides(["630100-cgs-jiazhao-buling.yaml"]);
  const clock = { ms: Date.parse(o.startAt) };
  const seconds = () => Math.floor(clock.ms / 1000);
  const fake = await startFakeWechat({ autoLogin: true });
  const svc = await startTestService({
    now: () => new Date(clock.ms),
    env: {
      ...wechatEnv("plain", fake.url),
      MP_APPID: o.mpAppid,
      MP_APPSECRET: "mp-secret",
      MP_API_BASE: fake.url,
      AUTO_IMPORT_GUIDES: "true",
      GUIDES_DIR: guides.dir,
      ADMIN_TOKEN: o.adminToken,
      HOTLINE: "12345",
      LOG_LEVEL: "warn",
    },
  });
  const oa = (openid: string) => async (content: string) => {
    clock.ms += 1000;
    const r = await postWechat(svc.url, fixture("text", { content, from: openid, time: seconds() }), { mode: "plain", timestamp: seconds() });
    if (r.status !== 200) throw new Error(`/wechat answered ${r.status}`);
    return r.reply?.Content ?? "";
  };
  const stop = async () => {
    await svc.stop();
    await fake.close();
    guides.remove();
  };
  return { svc, fake, clock, oa, stop };
}
