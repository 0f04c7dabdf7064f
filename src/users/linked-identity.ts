import type { AppContext } from "../platform/context";

/**
 * Both chat identities of one person: the user behind an Official Account openid, or the
 * Official Account openid of a mini-program user. With a unionid the two channels are one
 * user (find-or-create-user.ts), so what they filed on either is theirs on both.
 */
export async function linkedIdentityOf(ctx: Pick<AppContext, "db">, who: { userId: string } | { oaOpenid: string }): Promise<{ userId?: string; oaOpenid?: string }> {
  if ("userId" in who && !/^[0-9a-f-]{36}$/i.test(who.userId)) return {};
  const where = "userId" in who ? { id: who.userId } : { oaOpenid: who.oaOpenid };
  const u = await ctx.db.prisma.user.findUnique({ where, select: { id: true, oaOpenid: true } });
  return u ? { userId: u.id, ...(u.oaOpenid ? { oaOpenid: u.oaOpenid } : {}) } : {};
}
