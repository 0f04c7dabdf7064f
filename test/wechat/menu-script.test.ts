import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { APPID, SECRET } from "./helpers";

const run = promisify(execFile);
const script = (env: Record<string, string>) =>
  run("npx", ["tsx", "scripts/wechat-menu.ts"], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe("npm run wechat:menu", () => {
  let fake: FakeWechat;
  beforeAll(async () => void (fake = await startFakeWechat()));
  afterAll(() => fake?.close());
  const env = () => ({ WECHAT_TOKEN: "t", WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET, WECHAT_API_BASE: fake.url, PUBLIC_BASE_URL: "https://zw.example" });

  it("publishes the menu", async () => {
    const r = await script(env());
    expect(r.code).toBe(0);
    expect(JSON.stringify(fake.calls("/cgi-bin/menu/create")[0]?.body)).toContain("https://zw.example/guides");
  });
  it("exits non-zero with WeChat's error", async () => {
    fake.failNext("/cgi-bin/menu/create", { errcode: 40016, errmsg: "invalid button size" });
    const r = await script(env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("40016");
  });
  it("exits non-zero when WeChat is not configured", async () => {
    const r = await script({});
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not configured");
  });
});
