import { wrapErrors } from "./client";
import { createSharedTokenApi, postWithToken, type ApiOptions } from "./shared-token";

export interface MiniProgramSession {
  openid: string;
  /** Never log or return this to the client: it decrypts the user's data. */
  sessionKey: string;
  unionid?: string;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  data: Record<string, { value: string }>;
  page?: string;
  /** developer / trial / formal build (MP_STATE); co-wechat-api cannot pass this. */
  state?: "developer" | "trial" | "formal";
  lang?: "zh_CN" | "en_US" | "zh_HK" | "zh_TW";
}

/** The mini-program's server calls. It has its own appid, so its own token. Failures throw WechatApiError. */
export interface MiniProgramClient {
  /** wx.login code → session (GET /sns/jscode2session). 40029 = bad or used code. */
  code2Session(code: string): Promise<MiniProgramSession>;
  /** getPhoneNumber button code → phone (POST /wxa/business/getuserphonenumber). */
  getPhoneNumber(code: string): Promise<PhoneInfo>;
  /** One-time subscribe message (POST /cgi-bin/message/subscribe/send). 43101 = not subscribed / used up. */
  sendSubscribeMessage(msg: SubscribeMessage): Promise<void>;
  /** Mini-program customer-service text (same path as the Official Account's). */
  sendText(openid: string, text: string): Promise<void>;
  accessToken(): Promise<string>;
}

export function createMiniProgramClient(opts: ApiOptions): MiniProgramClient {
  const api = createSharedTokenApi(opts);
  return {
    code2Session: wrapErrors(async (code: string) => {
      const d = await api.code2Session(code);
      return { openid: d.openid, sessionKey: d.session_key, ...(d.unionid ? { unionid: d.unionid } : {}) };
    }),
    getPhoneNumber: wrapErrors(async (code: string) => {
      const d = await postWithToken<{ phone_info: PhoneInfo }>(api, `${api.wxaPrefix}business/getuserphonenumber`, { code });
      const p = d.phone_info;
      return { phoneNumber: p.phoneNumber, purePhoneNumber: p.purePhoneNumber, countryCode: String(p.countryCode) };
    }),
    sendSubscribeMessage: wrapErrors(async (m: SubscribeMessage) => {
      await postWithToken(api, `${api.prefix}message/subscribe/send`, {
        touser: m.openid,
        template_id: m.templateId,
        page: m.page,
        data: m.data,
        miniprogram_state: m.state ?? "formal",
        lang: m.lang ?? "zh_CN",
      });
    }),
    sendText: wrapErrors(async (openid: string, text: string) => {
      await api.sendText(openid, text);
    }),
    accessToken: wrapErrors(async () => (await api.ensureAccessToken()).accessToken),
  };
}
