import type { AppContext } from "../platform/context";

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
