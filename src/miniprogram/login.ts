import type { AppContext } from "../platform/context";
import { AppError } from "../platform/errors";
import { WechatApiError } from "../wechat";
import { bindPhone, findOrCreateUserByOpenid } from "../users";
import type { UserModel } from "../platform/db";
import { checkRateLimit } from "../http/rate-limit";
import { miniProgramClient } from "./mp-api";
import { createSession } from "./sessions";
import { LIMITS } from "./limits";

/** WeChat's answers for a wx.login / getPhoneNumber code that is wrong, used or expired. */
const BAD_CODE = new Set([40029, 40163, 40226, 40013]);

function requireClient(ctx: AppContext) {
  const client = miniProgramClient(ctx);
  if (!client) throw new AppError("not_configured", "The mini-program is not configured (MP_APPID, MP_APPSECRET)");
  return client;
}

function fromWechat(e: unknown, what: string): AppError {
  if (e instanceof WechatApiError && e.errcode !== undefined && BAD_CODE.has(e.errcode)) {
    return new AppError("unauthorized", `The ${what} code is invalid or has expired`);
  }
  return new AppError("unavailable", "WeChat is not reachable, please retry later");
}

/**
 * wx.login code → code2Session → user (found or created by openid/unionid) → new session.
 * The session_key is stored encrypted with the user and is never returned or logged.
 */
export async function loginWithCode(ctx: AppContext, code: string): Promise<{ token: string; expiresAt: Date; user: UserModel }> {
  const client = requireClient(ctx);
  let wx;
  try {
    wx = await client.code2Session(code);
  } catch (e) {
    throw fromWechat(e, "login");
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

/** getPhoneNumber button code → WeChat's verified phone number → bound (encrypted) to the user. */
export async function bindPhoneWithCode(ctx: AppContext, userId: string, code: string): Promise<UserModel> {
  const client = requireClient(ctx);
  let info;
  try {
    info = await client.getPhoneNumber(code);
  } catch (e) {
    throw fromWechat(e, "phone number");
  }
  if (info.countryCode !== "86") throw new AppError("unprocessable", "Only mainland mobile numbers can be bound");
  return bindPhone(ctx, userId, info.purePhoneNumber);
}
