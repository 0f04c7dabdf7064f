/**
 * co-wechat-api 3.11 ships no types (and @types/co-wechat-api does not exist). Only the members
 * src/wechat uses are declared; everything else stays behind our own WechatClient interface.
 * See /work/shared/docs/wechat-notes.md §1 for what these really do.
 */
declare module "co-wechat-api" {
  namespace WechatAPI {
    class AccessToken {
      constructor(accessToken: string, expireTime: number);
      accessToken: string;
      /** Epoch milliseconds. */
      expireTime: number;
      isValid(): boolean;
    }
    interface RequestOptions {
      method?: "GET" | "POST";
      data?: string | Buffer;
      headers?: Record<string, string>;
      dataType?: "json";
      timeout?: number;
    }
  }
  class WechatAPI {
    constructor(
      appid: string,
      appsecret: string,
      getToken?: () => Promise<{ accessToken: string; expireTime: number } | null | undefined>,
      saveToken?: (token: WechatAPI.AccessToken | null) => Promise<void>,
      tokenFromCustom?: boolean,
    );
    appid: string;
    appsecret: string;
    prefix: string;
    snsPrefix: string;
    wxaPrefix: string;
    mpPrefix: string;
    customservicePrefix: string;
    setOpts(o: { timeout?: number; readTimeout?: number; connectTimeout?: number }): void;
    /** Retries up to `retry` times (default 3) on errcode 40001/42001 after refetching the token. */
    request<T = unknown>(url: string, opts?: WechatAPI.RequestOptions, retry?: number): Promise<T>;
    getAccessToken(): Promise<WechatAPI.AccessToken>;
    ensureAccessToken(): Promise<WechatAPI.AccessToken>;
    code2Session(jsCode: string): Promise<{ openid: string; session_key: string; unionid?: string }>;
    sendText(openid: string, text: string): Promise<unknown>;
    createMenu(menu: { button: unknown[] }): Promise<unknown>;
    static AccessToken: typeof WechatAPI.AccessToken;
    static mixin(obj: Record<string, (...args: never[]) => unknown>): void;
  }
  export = WechatAPI;
}
