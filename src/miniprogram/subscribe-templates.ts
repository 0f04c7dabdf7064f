import type { Config } from "../platform/config";

/**
 * The subscribe-message templates this service sends (MP_SUBSCRIBE_TEMPLATE_*), by topic.
 * The mini-program asks for exactly these in wx.requestSubscribeMessage; acceptances of other
 * template ids are ignored, since nothing would ever consume them.
 */
export function subscribeTemplates(config: Config): Record<string, string> {
  const out: Record<string, string> = {};
  if (config.MP_SUBSCRIBE_TEMPLATE_APPLICATION) out.application = config.MP_SUBSCRIBE_TEMPLATE_APPLICATION;
  if (config.MP_SUBSCRIBE_TEMPLATE_COMPLAINT) out.complaint = config.MP_SUBSCRIBE_TEMPLATE_COMPLAINT;
  return out;
}
