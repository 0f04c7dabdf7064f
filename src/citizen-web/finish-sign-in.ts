import crypto from "node:crypto";
import type { Context } from "koa";
import type { AppContext } from "../platform/context";
import { findOrCreateUserByOpenid } from "../users";
import { createCitizenSession } from "./citizen-session";
import { citizenWebErrors } from "./errors";
import { exchangeCode } from "./exchange-code";
import { takeState } from "./sign-in-state";
import { readSignedCookie } from "./signed-cookie";
import { STATE_COOKIE } from "./start-sign-in";

const same = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * WeChat's redirect back: the `state` must be the one this browser was sent off with (its
 * signed cookie) and still unused (the store), else the request is refused before any code is
 * exchanged. Then code → openid → the same user the Official Account knows by that openid →
 * a new session. Returns the session token and the page to go back to.
 */
export async function finishSignIn(app: AppContext, ctx: Context, q: { code: string; state: string }): Promise<{ token: string; ttlSeconds: number; returnTo: string }> {
  if (!app.config.features.wechat) throw citizenWebErrors("web_sign_in_not_configured");
  const bound = readSignedCookie(app, ctx, STATE_COOKIE);
  if (!bound || !same(bound, q.state)) throw citizenWebErrors("oauth_state_mismatch");
  const remembered = await takeState(app, q.state);
  if (!remembered) throw citizenWebErrors("oauth_state_mismatch");
  try {
    const wx = await exchangeCode(app, q.code);
    const user = await findOrCreateUserByOpenid(app, { oaOpenid: wx.openid, unionid: wx.unionid });
    const session = await createCitizenSession(app, { userId: user.id, openid: wx.openid });
    return { ...session, returnTo: remembered.returnTo };
  } catch (e) {
    // The page asked for is known by now: "重新进入" goes back there, not to a default page.
    throw Object.assign(e as object, { returnTo: remembered.returnTo });
  }
}

/** The page a failed sign-in was for, when the state had named one. */
export const returnToOf = (e: unknown): string | undefined =>
  typeof (e as { returnTo?: unknown })?.returnTo === "string" ? (e as { returnTo: string }).returnTo : undefined;
