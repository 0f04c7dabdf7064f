/** Public surface of the WeChat Official Account channel (and the mini-program API client). */
export { createWechatCapability, defaultWechatClient, DEFAULT_REPLY_BUDGET_MS } from "./capability";
export type { WechatCapability, WechatCapabilityOptions } from "./capability";
export type { MessageHandler } from "./answer";
export { createWechatClient } from "./client";
export type { WechatClient, TemplateMessage, MenuButton } from "./client";
export { createMiniProgramClient } from "./mp-client";
export type { MiniProgramClient, MiniProgramSession, PhoneInfo, SubscribeMessage } from "./mp-client";
export type { ApiOptions } from "./shared-token";
export { WechatApiError, isPermanentWechatError, PERMANENT_ERRCODES } from "./api-error";
export { CUSTOMER_MESSAGE_JOB, TEMPLATE_MESSAGE_JOB } from "./jobs";
export type { CustomerMessagePayload, TemplateMessagePayload } from "./jobs";
export { loadMenu } from "./menu";
export { truncateUtf8, MAX_TEXT_BYTES } from "./render";
