import type { AppContext } from "../platform/context";

/**
 * The phone number a person bound in the mini-program (verified by WeChat), in clear, for a
 * dialogue that offers to use it (a complaint's call-back number); undefined when none.
 */
export async function boundPhoneOf(ctx: Pick<AppContext, "db" | "crypto">, who: { userId: string } | { oaOpenid: string }): Promise<string | undefined> {
  const where = "userId" in who ? { id: who.userId } : { oaOpenid: who.oaOpenid };
  if ("userId" in who && !/^[0-9a-f-]{36}$/i.test(who.userId)) return undefined;
  const u = await ctx.db.prisma.user.findUnique({ where, select: { phoneEnc: true } });
  return u?.phoneEnc ? ctx.crypto.decrypt(u.phoneEnc) : undefined;
}
