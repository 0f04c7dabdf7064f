/**
 * An error answered by (or on the way to) a WeChat API. `permanent` errors will not succeed on
 * retry, so jobs record them and stop instead of retrying:
 * 45015 outside the 48-hour customer-service window (or unsubscribed), 43004 not following,
 * 40003 bad openid, 40037 bad template id, 43101 subscribe message refused / no quota,
 * 47003 bad template data, 41030 bad mini-program page, 40029/40163 bad or used login code.
 */
export const PERMANENT_ERRCODES = new Set([40003, 40029, 40037, 40163, 41030, 43004, 43101, 45015, 47003]);

export class WechatApiError extends Error {
  override readonly name = "WechatApiError";
  constructor(
    /** WeChat errcode, or undefined for HTTP/network failures. */
    readonly errcode: number | undefined,
    message: string,
  ) {
    super(errcode === undefined ? message : `WeChat errcode ${errcode}: ${message}`);
  }

  get permanent(): boolean {
    return this.errcode !== undefined && PERMANENT_ERRCODES.has(this.errcode);
  }
}

export const isPermanentWechatError = (e: unknown): e is WechatApiError => e instanceof WechatApiError && e.permanent;

/** co-wechat-api throws plain Errors named WeChatAPIError with a numeric `code`; make them ours. */
export function toWechatApiError(e: unknown): WechatApiError {
  if (e instanceof WechatApiError) return e;
  const err = e as { name?: string; code?: unknown; message?: string };
  const code = typeof err?.code === "number" ? err.code : undefined;
  return new WechatApiError(code, err?.message ?? String(e));
}
