import { t, type TemplateVars } from "../platform/templates";

/** The channel's own user-facing text, from templates/wechat/zh.yaml. */
export const wechatText = (id: string, vars?: TemplateVars): string => t("wechat", "zh", id, vars);
