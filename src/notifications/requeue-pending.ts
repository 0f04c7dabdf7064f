import type { AppContext } from "../platform/context";
import { defineJob, type JobDefinition } from "../platform/queue";
import { SEND_NOTIFICATION_JOB } from "./send-notification";

export const SWEEP_NOTIFICATIONS_JOB = "notifications.sweep";

/**
 * Enqueues pending notifications again (and sends whose worker died mid-way). The in-process
 * queue loses its jobs on restart and an enqueue can fail while Redis is down; the rows are
 * the source of truth, and the send job's claim makes a duplicate job harmless.
 * `olderThanMs` keeps the sweep away from rows that are just waiting for their retry backoff.
 */
export async function requeuePending(ctx: AppContext, olderThanMs = 0): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - olderThanMs);
  const rows = await ctx.db.prisma.notification.findMany({
    where: { status: { in: ["pending", "sending"] }, updatedAt: { lte: cutoff } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  const stamp = ctx.now().getTime();
  for (const r of rows) {
    await ctx.queue.enqueue(SEND_NOTIFICATION_JOB, { notificationId: r.id }, { jobId: `notification:${r.id}:requeue:${stamp}` });
  }
  if (rows.length) ctx.logger.info({ count: rows.length }, "pending notifications re-enqueued");
  return rows.length;
}

export function sweepJob(ctx: AppContext): JobDefinition<Record<string, never>> {
  return defineJob({
    name: SWEEP_NOTIFICATIONS_JOB,
    defaults: { attempts: 1 },
    handler: async () => {
      await requeuePending(ctx, 10 * 60_000);
    },
  });
}
