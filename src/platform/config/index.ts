import fs from "node:fs";
import path from "node:path";
import { parse as parseDotenv } from "dotenv";
import { envSchema, type Env } from "./schema";

export type Config = Env & {
  /** Which optional integrations are configured. */
  features: { wechat: boolean; miniprogram: boolean; pay: boolean; twelve345: boolean; admin: boolean };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * Parses the environment once. `.env` in the working directory fills in keys the real
 * environment does not set (the real environment wins). Every problem is reported at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const dotenvPath = path.join(cwd, ".env");
  const fromFile = fs.existsSync(dotenvPath) ? parseDotenv(fs.readFileSync(dotenvPath)) : {};
  const merged = { ...fromFile, ...env };
  const result = envSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  }
  const c = result.data;
  const problems: string[] = [];
  const needAll = (feature: string, keys: (keyof Env)[]) => {
    const set = keys.filter((k) => c[k] !== undefined);
    if (set.length > 0 && set.length < keys.length) {
      problems.push(`${feature}: set all of ${keys.join(", ")} (missing ${keys.filter((k) => c[k] === undefined).join(", ")})`);
    }
    return set.length === keys.length;
  };
  const wechat = needAll("WeChat Official Account", ["WECHAT_TOKEN", "WECHAT_APPID", "WECHAT_APPSECRET"]);
  const miniprogram = needAll("Mini-Program", ["MP_APPID", "MP_APPSECRET"]);
  const pay = needAll("WeChat Pay", [
    "WECHATPAY_MCHID",
    "WECHATPAY_APPID",
    "WECHATPAY_SERIAL_NO",
    "WECHATPAY_PRIVATE_KEY_PATH",
    "WECHATPAY_APIV3_KEY",
  ]);
  const twelve345 = needAll("12345 platform", ["TWELVE345_URL", "TWELVE345_SECRET"]);
  if (problems.length) throw new ConfigError(problems);
  return { ...c, features: { wechat, miniprogram, pay, twelve345, admin: c.ADMIN_TOKEN !== undefined } };
}
