import type { AppContext } from "../platform/context";
import type { NotificationModel } from "../platform/db";
import { notificationErrors } from "./errors";
import { SEND_NOTIFICATION_JOB } from "./send-notification";

/** Staff send a failed notification again: back to pending with fresh attempts, and queued. */
export async function retryNotification(ctx: AppContext, id: string): Promise<NotificationModel> {
  const { count } = await ctx.db.prisma.notification.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, updatedAt: ctx.now() },
  });
  if (count === 0) throw notificationErrors("notification_not_failed");
  await ctx.queue.enqueue(SEND_NOTIFICATION_JOB, { notificationId: id }, { jobId: `notification:${id}:retry:${Date.now()}` });
  return ctx.db.prisma.notification.findUniqueOrThrow({ where: { id } });
}
