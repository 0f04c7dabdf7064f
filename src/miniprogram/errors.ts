import { defineErrors } from "../platform/errors";

/** Errors the mini-program channel raises; messages in templates/miniprogram/zh.yaml under `errors:`. */
export const miniprogramErrors = defineErrors("miniprogram", {
  miniprogram_not_configured: "not_configured",
  login_code_invalid: "unauthorized",
  phone_code_invalid: "unauthorized",
  wechat_unreachable: "unavailable",
  login_required: "unauthorized",
});
