import { z } from "zod";
import type { NotificationModel } from "../platform/db";

export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  channel: z.string().nullable(),
  userId: z.string().nullable(),
  attempts: z.number(),
  errcode: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

/** Staff view of a notification: delivery facts only, never the (encrypted) field values or openids. */
export function presentNotification(n: NotificationModel): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    status: n.status,
    channel: n.channel,
    userId: n.userId,
    attempts: n.attempts,
    errcode: n.errcode,
    error: n.lastError,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  };
}
