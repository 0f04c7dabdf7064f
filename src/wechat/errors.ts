import { defineErrors } from "../platform/errors";

/** Errors the WeChat channel raises; messages in templates/wechat/zh.yaml under `errors:`. */
export const wechatErrors = defineErrors("wechat", {
  wechat_not_configured: "not_configured",
});
