import type { AppContext } from "../platform/context";
import { listSubscriptions, type Subscriptions } from "./list-subscriptions";
import { recordConsents } from "./record-consents";
import { subscribeTemplates } from "./subscribe-templates";

/**
 * The result of wx.requestSubscribeMessage: each accepted template of ours is one send allowed.
 * Acceptances of other template ids are ignored (nothing would ever consume them), and a
 * rejection needs no record: without an acceptance there is nothing to consume.
 */
export async function recordSubscriptions(ctx: AppContext, o: { userId: string; accepted: string[] }): Promise<Subscriptions & { recorded: number }> {
  const known = new Set(Object.values(subscribeTemplates(ctx.config)));
  const recorded = await recordConsents(ctx, o.userId, o.accepted.filter((id) => known.has(id)));
  return { ...(await listSubscriptions(ctx, o.userId)), recorded };
}
