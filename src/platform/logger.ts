import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { maskText } from "./privacy";

export type { Logger };

/** Keys whose values never reach a log line, whatever object they appear in. */
const REDACT = [
  "session_key", "sessionKey", "*.session_key", "*.sessionKey",
  "password", "*.password", "secret", "*.secret", "token", "*.token",
  "authorization", "*.authorization", "req.headers.authorization", "req.headers.cookie",
  "idNumber", "*.idNumber", "phone", "*.phone", "name", "*.applicantName",
];

export interface LoggerOptions {
  level: string;
  format: "json" | "pretty";
  /** Where lines go (tests capture them); defaults to stdout. */
  destination?: pino.DestinationStream;
}

/**
 * pino with personal data masked: listed keys are redacted, and every string value is passed
 * through maskText so that an ID or phone number inside a message or error text is masked too.
 */
export function createLogger(opts: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level,
    redact: { paths: REDACT, censor: "[redacted]" },
    formatters: {
      log: (obj) => maskDeep(obj) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === "string" ? cap(maskText(a)) : a)) as typeof args;
        return method.apply(this, masked);
      },
    },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.format === "pretty") {
    // Formatted in this thread: a transport's worker thread has a heap of its own, too much for
    // a development convenience. Loaded only here, so JSON logging (production) never loads it.
    const pretty = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty");
    return pino(options, pretty({ translateTime: "SYS:standard" }));
  }
  return pino(options);
}

/**
 * Longest text a log line carries per value. A driver error can quote a whole SQL statement
 * with its parameters (kilobytes); logs stay one short line each, the start says enough.
 */
export const MAX_LOG_TEXT = 2000;
const cap = (s: string) => (s.length > MAX_LOG_TEXT ? `${s.slice(0, MAX_LOG_TEXT)}…[${s.length - MAX_LOG_TEXT} more chars]` : s);

function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 6) return value;
  if (typeof value === "string") return cap(maskText(value));
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: cap(maskText(value.message)), stack: value.stack && cap(maskText(value.stack)) };
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
    return out;
  }
  return value;
}
