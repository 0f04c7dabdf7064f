import type { CommandContext } from "../../chat";
import { linkedIdentityOf } from "../../users";
import type { ComplaintOwner } from "../citizen/find-own-complaint";
import type { ComplaintsDeps } from "../deps";

/**
 * Who owns a ticket filed in chat: the Official Account's openid, or the mini-program's user id
 * (as /api/v1/mp/complaints stores it, so the ticket is listed and notified there too).
 */
export const ownerOf = (ctx: CommandContext): ComplaintOwner =>
  ctx.incoming.channel === "miniprogram" ? { userId: ctx.incoming.userId } : { openid: ctx.incoming.userId };

/**
 * Whose tickets the sender may see and rate: the channel's identity and, when the same person
 * uses both the Official Account and the mini-program (one user), the other one too.
 */
export async function lookupOwnerOf(deps: ComplaintsDeps, ctx: CommandContext): Promise<ComplaintOwner> {
  const own = ownerOf(ctx);
  const linked = await linkedIdentityOf(deps.app, "userId" in own && own.userId ? { userId: own.userId } : { oaOpenid: ctx.incoming.userId });
  return { ...own, ...(linked.userId ? { userId: linked.userId } : {}), ...(linked.oaOpenid ? { openid: linked.oaOpenid } : {}) } as ComplaintOwner;
}
