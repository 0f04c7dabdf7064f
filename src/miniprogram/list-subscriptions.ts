import type { AppContext } from "../platform/context";
import { availableConsents } from "./available-consents";
import { subscribeTemplates } from "./subscribe-templates";

export interface Subscriptions {
  /** Template ids by topic, for wx.requestSubscribeMessage. */
  templates: Record<string, string>;
  /** Unconsumed acceptances per template id (any template, known or not). */
  counts: Record<string, number>;
}

/** The subscribe-message templates this service sends, and the user's unconsumed acceptances. */
export async function listSubscriptions(ctx: AppContext, userId: string): Promise<Subscriptions> {
  return { templates: subscribeTemplates(ctx.config), counts: await availableConsents(ctx, userId) };
}
