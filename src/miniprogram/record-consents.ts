import type { AppContext } from "../platform/context";
import { availableConsents } from "./available-consents";

/** More outstanding acceptances than this per template are not recorded (a client bug or abuse). */
export const MAX_OUTSTANDING_PER_TEMPLATE = 50;

/**
 * Records the acceptances the client reports (subscribe-message consents), one row each, and
 * returns how many were recorded. WeChat's one-time subscription allows exactly one send per
 * acceptance and offers no API to read the remaining quota, so each send consumes one row
 * first (consume-consent.ts).
 */
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
