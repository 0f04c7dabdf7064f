import type { AppContext } from "../platform/context";

/** Events whose notification was never handed over (crash, queue down): re-queued at start. */
export async function listPendingNotificationEvents(ctx: AppContext, limit = 1000): Promise<string[]> {
  const rows = await ctx.db.prisma.applicationEvent.findMany({
    where: { applied: true, notifiedAt: null },
    select: { id: true },
    orderBy: { recordedAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}
