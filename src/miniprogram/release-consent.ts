import type { AppContext } from "../platform/context";

/**
 * Gives an acceptance back when the send never reached WeChat's user (transient failures
 * exhausted): WeChat only spends the quota on a delivered message.
 */
export async function releaseConsent(ctx: AppContext, consentId: string): Promise<void> {
  await ctx.db.prisma.subscribeConsent.updateMany({
    where: { id: consentId },
    data: { consumedAt: null, notificationId: null },
  });
}
