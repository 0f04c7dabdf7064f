import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG_CHANGED } from "../../src/catalog";
import { startFakeWechat, type FakeWechat } from "../support/fake-wechat";
import { serversUp } from "../support/servers";
import { testRedisUrl } from "../support/store";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const guide = path.join(root, "test/catalog/fixtures/guides/free-guide.json");

/**
 * The command-line jobs talk to Redis in the namespace the running service uses (REDIS_PREFIX),
 * not a built-in "zw:": a guide import's change notice and the WeChat token that wechat:menu
 * fetches must reach a service started with another prefix. Runs the scripts as npm does.
 */
describe.runIf(serversUp("redis"))("CLIs honour REDIS_PREFIX", () => {
  const prefix = `zwcli${crypto.randomBytes(3).toString("hex")}`;
  const appId = `wx${prefix}`;
  let redis: Redis;
  let listener: Redis;
  let dataDir: string;
  const heard: { channel: string; message: string }[] = [];
  const env = () => ({ ...process.env, NODE_ENV: "test", DATA_DIR: dataDir, REDIS_URL: testRedisUrl, REDIS_PREFIX: prefix, DATABASE_URL: "" });
  const cli = (script: string, args: string[], extra: Record<string, string> = {}) =>
    run(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], { cwd: root, env: { ...env(), ...extra }, timeout: 120_000 });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-cli-"));
    redis = new Redis(testRedisUrl);
    listener = new Redis(testRedisUrl);
    listener.on("pmessage", (_p: string, channel: string, message: string) => heard.push({ channel, message }));
    await listener.psubscribe(`*${CATALOG_CHANGED}`);
  });
  afterAll(async () => {
    listener?.disconnect();
    const keys = await redis?.keys(`${prefix}:*`);
    if (keys?.length) await redis.del(...keys);
    redis?.disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("guides:import announces the changed items on <prefix>:catalog channel, and nowhere else", async () => {
    const { stdout } = await cli("guides-import.ts", [guide]);
    expect(stdout).toMatch(/guides 1 new/);
    await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
    // Other test files running beside this one announce on their own prefixes (zw<random>:);
    // "nowhere else" means not on the default channels every instance without a prefix hears.
    const channels = new Set(heard.map((h) => h.channel));
    expect(channels).toContain(`${prefix}:${CATALOG_CHANGED}`);
    expect(channels).not.toContain(`zw:${CATALOG_CHANGED}`);
    expect(channels).not.toContain(CATALOG_CHANGED);
  }, 150_000);

  describe("wechat:menu", () => {
    let fake: FakeWechat;
    beforeAll(async () => {
      fake = await startFakeWechat();
    });
    afterAll(async () => {
      await fake?.close();
    });

    it("keeps the access token it fetched under <prefix>:, where the service looks for it", async () => {
      const { stdout } = await cli("wechat-menu.ts", [], { WECHAT_TOKEN: "t", WECHAT_APPID: appId, WECHAT_APPSECRET: "s", WECHAT_API_BASE: fake.url });
      expect(stdout).toMatch(/published/);
      expect(await redis.exists(`${prefix}:wechat:token:${appId}`)).toBe(1);
      expect(await redis.exists(`zw:wechat:token:${appId}`)).toBe(0);
    }, 150_000);
  });
});
