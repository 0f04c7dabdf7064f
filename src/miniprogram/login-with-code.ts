import type { AppContext } from "../platform/context";
import type { UserModel } from "../platform/db";
import { checkRateLimit } from "../http/rate-limit";
import { findOrCreateUserByOpenid } from "../users";
import { createSession } from "./create-session";
import { LIMITS } from "./limits";
import { codeExchangeError, requireMiniProgramClient } from "./mp-api";

/**
 * wx.login code → code2Session → user (found or created by openid/unionid) → new session.
 * The session_key is stored encrypted with the user and is never returned or logged.
 */
export async function loginWithCode(ctx: AppContext, code: string): Promise<{ token: string; expiresAt: Date; user: UserModel }> {
  const client = requireMiniProgramClient(ctx);
  let wx;
  try {
    wx = await client.code2Session(code);
  } catch (e) {
    throw codeExchangeError(e, "login_code_invalid");
  }
  // Per-user login limit: one person cannot mint sessions in a loop even from many IPs.
  await checkRateLimit(ctx.store, `mp:login:openid:${ctx.crypto.blindIndex(wx.openid)}`, LIMITS.loginPerUser);
  const found = await findOrCreateUserByOpenid(ctx, { mpOpenid: wx.openid, unionid: wx.unionid });
  const user = await ctx.db.prisma.user.update({
    where: { id: found.id },
    data: { mpSessionKeyEnc: ctx.crypto.encrypt(wx.sessionKey) },
  });
  const session = await createSession(ctx, user.id);
  return { ...session, user };
}
