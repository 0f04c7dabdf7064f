import type { AppContext } from "../platform/context";

/**
 * Subscribe-message consents. WeChat's one-time subscription allows exactly one send per
 * acceptance and offers no API to read the remaining quota, so every acceptance the client
 * reports is one row here, and each send consumes one row first.
 */

/** More outstanding acceptances than this per template are not recorded (a client bug or abuse). */
export const MAX_OUTSTANDING_PER_TEMPLATE = 50;

export async function recordConsents(ctx: AppContext, userId: string, templateIds: string[]): Promise<number> {
  const available = await availableConsents(ctx, userId);
  const rows: { userId: string; templateId: string; acceptedAt: Date }[] = [];
  for (const templateId of templateIds) {
    const n = available[templateId] ?? 0;
    if (n >= MAX_OUTSTANDING_PER_TEMPLATE) continue;
    available[templateId] = n + 1;
    rows.push({ userId, templateId, acceptedAt: ctx.now() });
  }
  if (rows.length) await ctx.db.prisma.subscribeConsent.createMany({ data: rows });
  return rows.length;
}

/** Unconsumed acceptances per template id. */
export async function availableConsents(ctx: AppContext, userId: string): Promise<Record<string, number>> {
  const groups = await ctx.db.prisma.subscribeConsent.groupBy({
    by: ["templateId"],
    where: { userId, consumedAt: null },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.templateId, g._count._all]));
}

/**
 * Takes one acceptance for a send, atomically: the row is picked and marked in one UPDATE,
 * and `FOR UPDATE SKIP LOCKED` makes a concurrent consumer skip a row another transaction is
 * taking instead of both getting it. Returns the consent id, or undefined when none is held.
 */
export async function consumeConsent(
  ctx: AppContext,
  opts: { userId: string; templateId: string; notificationId: string },
): Promise<string | undefined> {
  const rows = await ctx.db.prisma.$queryRaw<{ id: string }[]>`
    UPDATE subscribe_consent SET consumed_at = ${ctx.now()}, notification_id = ${opts.notificationId}::uuid
    WHERE consumed_at IS NULL AND id = (
      SELECT id FROM subscribe_consent
      WHERE user_id = ${opts.userId}::uuid AND template_id = ${opts.templateId} AND consumed_at IS NULL
      ORDER BY accepted_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id`;
  return rows[0]?.id;
}

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
