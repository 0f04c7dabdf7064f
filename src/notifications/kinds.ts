import type { Config } from "../platform/config";
import type { FieldType } from "./fit-fields";

/**
 * What each kind of notification carries, and where its WeChat templates come from. `key` is
 * the data key of the template chosen in the WeChat console (MP subscribe template; the OA
 * template uses `oaKey` when its layout differs). Change these with the templates.
 */
export interface FieldSpec {
  type: FieldType;
  key: string;
  oaKey?: string;
  /** Missing → the default text templates/notifications/zh.yaml has for `<kind>.<field>`. */
  optional?: boolean;
}

export interface KindSpec {
  oaTemplate(c: Config): string | undefined;
  mpTemplate(c: Config): string | undefined;
  fields: Record<string, FieldSpec>;
}

export const KINDS = {
  /** 办件进度通知: an application changed status (applications capability). */
  application_status: {
    oaTemplate: (c) => c.WECHAT_TEMPLATE_APPLICATION,
    mpTemplate: (c) => c.MP_SUBSCRIBE_TEMPLATE_APPLICATION,
    fields: {
      itemName: { type: "thing", key: "thing1" },
      applicationNo: { type: "character_string", key: "character_string2" },
      status: { type: "phrase", key: "phrase3" },
      updatedAt: { type: "time", key: "time4" },
      remark: { type: "thing", key: "thing5", optional: true },
    },
  },
  /** 投诉处理结果通知: a complaint (12345 work order) got a reply (complaints capability). */
  complaint_reply: {
    oaTemplate: (c) => c.WECHAT_TEMPLATE_COMPLAINT,
    mpTemplate: (c) => c.MP_SUBSCRIBE_TEMPLATE_COMPLAINT,
    fields: {
      title: { type: "thing", key: "thing1" },
      complaintNo: { type: "character_string", key: "character_string2" },
      status: { type: "phrase", key: "phrase3" },
      repliedAt: { type: "time", key: "time4" },
      reply: { type: "thing", key: "thing5", optional: true },
    },
  },
} satisfies Record<string, KindSpec>;

export type NotificationKind = keyof typeof KINDS;
export const NOTIFICATION_KINDS = Object.keys(KINDS) as NotificationKind[];

export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(KINDS, k);
