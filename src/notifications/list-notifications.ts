import type { AppContext } from "../platform/context";
import type { NotificationModel } from "../platform/db";

export const NOTIFICATION_STATUSES = ["pending", "sending", "sent", "skipped_no_consent", "skipped_no_channel", "skipped_low_priority", "skipped_not_following", "failed"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface ListNotificationsOptions {
  status?: NotificationStatus | undefined;
  limit: number;
}

/** Notifications, newest first, optionally of one status (e.g. failed). */
export async function listNotifications(ctx: Pick<AppContext, "db">, opts: ListNotificationsOptions): Promise<NotificationModel[]> {
  return ctx.db.prisma.notification.findMany({
    where: opts.status ? { status: opts.status } : {},
    orderBy: { createdAt: "desc" },
    take: opts.limit,
  });
}
