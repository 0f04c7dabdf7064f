/** Public surface of outbound notifications to citizens. Import only from here. */
export { notificationsCapability } from "./capability";
export { notify, type NotifyOptions, type NotifyResult, type NotificationPriority } from "./notify";
export { NOTIFICATION_KINDS, KINDS as NOTIFICATION_KIND_SPECS, type NotificationKind } from "./kinds";
export { sendNotification, SEND_NOTIFICATION_JOB, MAX_ATTEMPTS as NOTIFICATION_MAX_ATTEMPTS } from "./send-notification";
export { requeuePending } from "./requeue-pending";
export { fitField, type FieldType, type FieldValue } from "./fit-fields";
