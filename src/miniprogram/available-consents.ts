import type { AppContext } from "../platform/context";

/** Unconsumed acceptances per template id. */
export async function availableConsents(ctx: AppContext, userId: string): Promise<Record<string, number>> {
  const groups = await ctx.db.prisma.subscribeConsent.groupBy({
    by: ["templateId"],
    where: { userId, consumedAt: null },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.templateId, g._count._all]));
}
