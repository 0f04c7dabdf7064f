import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { ConfigError, loadConfig } from "../../src/platform/config";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

describe("config", () => {
  it("starts with no configuration at all, integrations off", () => {
    const c = loadConfig({}, "/nonexistent");
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.features).toEqual({ wechat: false, miniprogram: false, pay: false, twelve345: false, admin: false });
  });

  it("lists every problem at once, naming each key", () => {
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" }, "/nonexistent");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain("PORT");
      expect(msg).toContain("DATABASE_URL");
      expect(msg).toContain("LOG_LEVEL");
    }
  });

  it("reads the human-service hours: a daily window, always or off; a window that ends before it starts stops boot", () => {
    expect(loadConfig({}, "/nonexistent").HUMAN_SERVICE_HOURS).toBe("09:00-17:00");
    for (const ok of ["08:30-18:00", "00:00-24:00", "always", "off"]) expect(loadConfig({ HUMAN_SERVICE_HOURS: ok }, "/nonexistent").HUMAN_SERVICE_HOURS).toBe(ok);
    for (const bad of ["17:00-09:00", "9:00-17:00", "09:00-24:30", "25:00-26:00", "weekdays"]) {
      expect(() => loadConfig({ HUMAN_SERVICE_HOURS: bad }, "/nonexistent")).toThrow(/HUMAN_SERVICE_HOURS/);
    }
  });

  it("refuses a half-configured integration", () => {
    expect(() => loadConfig({ WECHAT_TOKEN: "t" }, "/nonexistent")).toThrow(/WECHAT_APPID/);
  });

  it("turns an integration on when fully configured", () => {
    const c = loadConfig({ WECHAT_TOKEN: "t", WECHAT_APPID: "wx1", WECHAT_APPSECRET: "s" }, "/nonexistent");
    expect(c.features.wechat).toBe(true);
  });

  it("exits non-zero with a message naming the key when PORT is invalid", async () => {
    const err = await run(path.join(root, "node_modules/.bin/tsx"), ["src/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "abc", DATA_DIR: "memory://" },
    }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err).not.toBeNull();
    expect(err!.code).not.toBe(0);
    expect(err!.stderr).toMatch(/PORT/);
  });
});
