import type { AppContext } from "../platform/context";
import type { NotificationModel } from "../platform/db";
import { defaultWechatClient, WechatApiError, type WechatClient } from "../wechat";
import { consumeConsent, miniProgramClient } from "../miniprogram";
import { KINDS, type NotificationKind } from "./kinds";
import { templateData, type NotificationPayload } from "./payload";

export type Outcome =
  | { status: "sent"; channel: "oa_template" | "mp_subscribe"; templateId: string; consentId?: string }
  | { status: "skipped_no_consent" | "skipped_no_channel" | "skipped_low_priority" | "skipped_not_following"; channel?: undefined; templateId?: string };

const oaClients = new WeakMap<AppContext, WechatClient>();

function oaClient(ctx: AppContext): WechatClient | undefined {
  if (!ctx.config.features.wechat) return undefined;
  let c = oaClients.get(ctx);
  if (!c) oaClients.set(ctx, (c = defaultWechatClient(ctx)));
  return c;
}

/**
 * Sends one claimed notification on the right channel:
 * - the Official Account template message when the event came from the OA (oaOpenid given);
 * - otherwise, for an "action" notice (补正, a decision, a reply), the mini-program subscribe
 *   message if the user holds an acceptance for the template (one acceptance is consumed:
 *   WeChat's one-time rule). An "info" notice (已接件) never spends one: acceptances are
 *   few and the citizen granted them to hear what needs them;
 * - else the OA template message if the user also follows the OA (it has no allowance);
 * - else nothing: skipped_no_consent / skipped_low_priority — the change stays in the
 *   record the citizen reads (my applications). A send without consent is not attempted,
 *   it would only earn a 43101.
 * Throws WechatApiError from the client; the caller decides on retry.
 */
export async function deliver(ctx: AppContext, row: NotificationModel, payload: NotificationPayload): Promise<Outcome> {
  const kind = row.kind as NotificationKind;
  const spec = KINDS[kind];
  const user = row.userId ? await ctx.db.prisma.user.findUnique({ where: { id: row.userId } }) : null;
  const oaOpenid = row.oaOpenid ?? user?.oaOpenid ?? undefined;
  const mpOpenid = row.mpOpenid ?? user?.mpOpenid ?? undefined;
  const oaTemplate = spec.oaTemplate(ctx.config);
  const mpTemplate = spec.mpTemplate(ctx.config);
  const oa = oaOpenid && oaTemplate ? oaClient(ctx) : undefined;
  const mp = mpOpenid && mpTemplate ? miniProgramClient(ctx) : undefined;

  const sendOa = async (): Promise<Outcome> => {
    const mpAppId = ctx.config.MP_APPID;
    try {
      await oa!.sendTemplate({
        openid: oaOpenid!,
        templateId: oaTemplate!,
        data: templateData(kind, payload.fields, "oa"),
        url: payload.url,
        miniprogram: payload.page && mpAppId ? { appid: mpAppId, pagepath: payload.page } : undefined,
        // WeChat drops a second send with the same client_msg_id: a safety net under our own claim.
        clientMsgId: row.id,
      });
    } catch (e) {
      // 43004: the citizen no longer follows the account. Not a failure for staff to retry:
      // the change stays in the record they read (my applications), like a spent allowance.
      if (e instanceof WechatApiError && e.errcode === 43004) return { status: "skipped_not_following", templateId: oaTemplate };
      throw e;
    }
    return { status: "sent", channel: "oa_template", templateId: oaTemplate! };
  };

  if (oa && row.oaOpenid) return sendOa();
  const spendsAllowance = (payload.priority ?? "action") === "action";
  if (mp && (spendsAllowance || row.consentId)) {
    const userId = row.userId ?? user?.id;
    const consentId = row.consentId ?? (userId ? await consumeConsent(ctx, { userId, templateId: mpTemplate!, notificationId: row.id }) : undefined);
    if (consentId) {
      // Remember the consent before sending, so a retry after a transient failure reuses it.
      if (!row.consentId) await ctx.db.prisma.notification.update({ where: { id: row.id }, data: { consentId } });
      await mp.sendSubscribeMessage({
        openid: mpOpenid!,
        templateId: mpTemplate!,
        data: templateData(kind, payload.fields, "mp"),
        page: payload.page,
        state: ctx.config.MP_STATE,
      });
      return { status: "sent", channel: "mp_subscribe", templateId: mpTemplate!, consentId };
    }
  }
  if (oa) return sendOa();
  if (mp) return { status: spendsAllowance ? "skipped_no_consent" : "skipped_low_priority", templateId: mpTemplate };
  return { status: "skipped_no_channel" };
}
