import { toWechatApiError } from "./api-error";
import { createSharedTokenApi, postWithToken, type ApiOptions } from "./shared-token";

export interface TemplateMessage {
  openid: string;
  templateId: string;
  /** Fields as the template defines them, e.g. { thing1: { value: "…" } }. */
  data: Record<string, { value: string }>;
  url?: string;
  /** Opens a mini-program page instead of `url` (WeChat prefers it when both are set). */
  miniprogram?: { appid: string; pagepath?: string };
  /** WeChat drops a second send with the same id, so a retried job never notifies twice. */
  clientMsgId?: string;
}

export interface MenuButton {
  type?: "click" | "view" | "miniprogram";
  name: string;
  key?: string;
  url?: string;
  appid?: string;
  pagepath?: string;
  sub_button?: MenuButton[];
}

/** The Official Account calls this service makes. Failures throw WechatApiError. */
export interface WechatClient {
  /** Customer-service text message (POST /cgi-bin/message/custom/send); only inside the 48-hour window. */
  sendText(openid: string, text: string): Promise<void>;
  /** Template message (POST /cgi-bin/message/template/send). */
  sendTemplate(msg: TemplateMessage): Promise<{ msgid: string }>;
  /** Replace the custom menu (POST /cgi-bin/menu/create). */
  createMenu(menu: { button: MenuButton[] }): Promise<void>;
  /** The shared access token (for calls this wrapper does not cover yet). */
  accessToken(): Promise<string>;
}

export const wrapErrors =
  <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
  async (...a: A): Promise<R> => {
    try {
      return await fn(...a);
    } catch (e) {
      throw toWechatApiError(e);
    }
  };

/** co-wechat-api behind our interface: the untyped, unmaintained library stays in this file. */
export function createWechatClient(opts: ApiOptions): WechatClient {
  const api = createSharedTokenApi(opts);
  return {
    sendText: wrapErrors(async (openid, text) => {
      await api.sendText(openid, text);
    }),
    // Our own request rather than api.sendTemplate, which cannot pass client_msg_id.
    sendTemplate: wrapErrors(async (m: TemplateMessage) => {
      const d = await postWithToken<{ msgid?: unknown }>(api, `${api.prefix}message/template/send`, {
        touser: m.openid,
        template_id: m.templateId,
        url: m.url,
        miniprogram: m.miniprogram,
        client_msg_id: m.clientMsgId,
        data: m.data,
      });
      // json-bigint hands msgid back as a BigNumber.
      return { msgid: String(d.msgid ?? "") };
    }),
    createMenu: wrapErrors(async (menu) => {
      await api.createMenu(menu);
    }),
    accessToken: wrapErrors(async () => (await api.ensureAccessToken()).accessToken),
  };
}
