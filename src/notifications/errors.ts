import { defineErrors } from "../platform/errors";

/** Every error notifications raise to a caller; messages in templates/notifications/zh.yaml (errors.*). */
export const notificationErrors = defineErrors("notifications", {
  notification_not_failed: "conflict",
});
