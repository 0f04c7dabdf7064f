import { z } from "zod";

/**
 * Every setting the service reads, in one zod schema parsed once at boot
 * (src/platform/config/index.ts). No other file reads process.env.
 * Each key is documented in .env.example.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => (v === undefined ? def : ["true", "1", "yes"].includes(v)));

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return def;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be an integer between ${min} and ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** web + worker in one process (default), or split for production. */
  ROLE: z.enum(["all", "web", "worker"]).default("all"),
  PORT: int(3000, 0, 65535),
  HOST: z.string().default("0.0.0.0"),
  /** Public base URL used in links sent to citizens (guide pages, ratings). */
  PUBLIC_BASE_URL: z.string().url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** "pretty" for humans, "json" for log collectors; default: json in production. */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  ),
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional()),
  /** Namespace for Redis keys, channels and the job queue (several deployments can share one Redis). */
  REDIS_PREFIX: z.string().regex(/^[\w-]{1,32}$/, "letters, digits, - and _ only").default("zw"),
  /** Maximum JSON/form body size in bytes. */
  BODY_LIMIT_BYTES: int(1_000_000, 1024),
  /** Import the shipped guides/ catalog on first start with an empty database. */
  AUTO_IMPORT_GUIDES: bool(true),
  GUIDES_DIR: z.string().default("./guides"),
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits, logs): off
   * (default: the socket's address), a hop count ("1" behind one reverse proxy), or a
   * comma-separated list of proxy addresses/CIDRs ("10.0.0.0/8,loopback").
   */
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .regex(/^(false|true|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, "off, true, a hop count or a list of proxy addresses")
      .optional(),
  ),
  /** Bearer token for GET /metrics; without it /metrics answers only direct loopback connections. */
  METRICS_TOKEN: optionalString,
  /** Chat questions one person (WeChat openid, mini-program user) may send per minute (POST /wechat, /api/v1/ask). */
  CHAT_LIMIT_PER_USER_MINUTE: int(30, 1),
  /** Questions one client address may send per minute to POST /api/v1/ask (all sessions together). */
  CHAT_LIMIT_PER_IP_MINUTE: int(120, 1),
  /** Token protecting /api/v1/admin until staff accounts exist; admin API is off without it. */
  ADMIN_TOKEN: optionalString,
  /** 32-byte key (base64 or hex) encrypting personal data at rest; generated into DATA_DIR when absent in embedded mode. */
  DATA_ENCRYPTION_KEY: optionalString,
  /** Algorithm for newly encrypted values; values written with the other one still read (platform/field-crypto.ts). */
  DATA_ENCRYPTION_ALGORITHM: z.enum(["aes-256-gcm", "sm4-cbc-hmac-sm3"]).default("aes-256-gcm"),
  /** 12345 deadline policies and supervision thresholds (YAML); default: the shipped config/complaint-policies.yaml. */
  COMPLAINT_POLICIES_FILE: optionalString,
  /** Province name and region code used in texts and defaults. */
  PROVINCE_NAME: z.string().default("青海省"),
  PROVINCE_REGION: z.string().default("630000"),
  HOTLINE: z.string().default("12345"),
  /**
   * When people answer "人工": "HH:MM-HH:MM" (Asia/Shanghai) on official working days, "always",
   * or "off" (no transfer; the hotline is given). Outside them, and in the mini-program, chat
   * gives the hotline and these hours instead of a transfer nobody picks up.
   */
  HUMAN_SERVICE_HOURS: z
    .string()
    .default("09:00-17:00")
    .refine((v) => {
      if (v === "off" || v === "always") return true;
      const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(v);
      return Boolean(m) && Number(m![1]) * 60 + Number(m![2]) < Number(m![3]) * 60 + Number(m![4]) && Number(m![3]) * 60 + Number(m![4]) <= 1440;
    }, 'must be "HH:MM-HH:MM" (start before end), "always" or "off"'),
  /** Answers each instance remembers for repeated questions (chat/answer-cache.ts); 0 turns it off. */
  CHAT_ANSWER_CACHE: int(5000, 0),
  /** Questions the search index runs over its own names at start, before the instance is ready (JIT warm-up); 0 skips it. */
  SEARCH_WARMUP_QUERIES: int(3000, 0),

  // WeChat Official Account (off until WECHAT_TOKEN is set).
  WECHAT_TOKEN: optionalString,
  WECHAT_APPID: optionalString,
  WECHAT_APPSECRET: optionalString,
  WECHAT_AES_KEY: optionalString.pipe(z.string().length(43, "EncodingAESKey has 43 characters").optional()),
  WECHAT_API_BASE: z.string().url().default("https://api.weixin.qq.com"),
  /** Host of WeChat's web authorization page (OAuth2 snsapi_base for the H5 pages); tests point it at the fake server. */
  WECHAT_OAUTH_BASE: z.string().url().default("https://open.weixin.qq.com"),
  /** Template ids for notifications (Official Account template messages). */
  WECHAT_TEMPLATE_APPLICATION: optionalString,
  WECHAT_TEMPLATE_COMPLAINT: optionalString,

  // WeChat Mini-Program (off until MP_APPID and MP_APPSECRET are set).
  MP_APPID: optionalString,
  MP_APPSECRET: optionalString,
  MP_API_BASE: optionalString,
  MP_SUBSCRIBE_TEMPLATE_APPLICATION: optionalString,
  MP_SUBSCRIBE_TEMPLATE_COMPLAINT: optionalString,
  MP_STATE: z.enum(["developer", "trial", "formal"]).default("formal"),
  SESSION_TTL_SECONDS: int(7 * 24 * 3600, 60),

  // WeChat Pay v3 (off until WECHATPAY_MCHID is set).
  WECHATPAY_MCHID: optionalString,
  WECHATPAY_APPID: optionalString,
  WECHATPAY_SERIAL_NO: optionalString,
  WECHATPAY_PRIVATE_KEY_PATH: optionalString,
  WECHATPAY_APIV3_KEY: optionalString,
  WECHATPAY_PUBLIC_KEY_ID: optionalString,
  WECHATPAY_PUBLIC_KEY_PATH: optionalString,
  WECHATPAY_API_BASE: z.string().url().default("https://api.mch.weixin.qq.com"),
  WECHATPAY_NOTIFY_URL: optionalString,

  // External 12345 platform (off until TWELVE345_URL is set).
  TWELVE345_URL: optionalString.pipe(z.string().url().optional()),
  TWELVE345_SECRET: optionalString,
  /** Open311 jurisdiction_id this service answers for (a client sending another one gets 404). */
  OPEN311_JURISDICTION_ID: z.string().regex(/^[\x21-\x7e]{1,100}$/).default("qinghai.gov.cn"),
  /** Contact shown in the Open311 discovery document (empty: the hotline). */
  OPEN311_CONTACT: optionalString,

  /** Shared secrets for upstream systems pushing application events: "name:secret,name2:secret2". */
  INTEGRATION_SECRETS: optionalString,

  /** Uploaded complaint images: local disk under DATA_DIR by default, or S3-compatible storage. */
  S3_ENDPOINT: optionalString,
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY: optionalString,
  S3_SECRET_KEY: optionalString,
  S3_REGION: z.string().default("us-east-1"),
});

export type Env = z.output<typeof envSchema>;
