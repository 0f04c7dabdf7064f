import type { AppContext } from "../platform/context";
import { isUniqueViolation, type UserModel as User } from "../platform/db";

export type OpenidIdentity =
  | { oaOpenid: string; mpOpenid?: undefined; unionid?: string }
  | { mpOpenid: string; oaOpenid?: undefined; unionid?: string };

/**
 * The user behind an Official Account or mini-program openid, created on first sight.
 * When WeChat gives a unionid (both apps bound to one Open Platform account), the same
 * person is one user across both channels: a user first seen on the OA gains the
 * mini-program openid on their first mini-program login, and vice versa.
 *
 * Concurrent first logins race on the unique openid/unionid columns; the loser re-reads.
 */
export async function findOrCreateUserByOpenid(ctx: AppContext, identity: OpenidIdentity): Promise<User> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await findOrCreateOnce(ctx, identity);
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 2) throw e;
    }
  }
}

async function findOrCreateOnce(ctx: AppContext, identity: OpenidIdentity): Promise<User> {
  const users = ctx.db.prisma.user;
  const openidField = identity.oaOpenid !== undefined ? "oaOpenid" : "mpOpenid";
  const openid = (identity.oaOpenid ?? identity.mpOpenid)!;
  const unionid = identity.unionid || undefined;

  const byOpenid = await users.findUnique({ where: { [openidField]: openid } as { oaOpenid: string } });
  const byUnionid = unionid ? await users.findUnique({ where: { unionid } }) : null;

  if (byUnionid && (!byOpenid || byOpenid.id === byUnionid.id)) {
    if (byUnionid[openidField] === openid) return byUnionid;
    if (byUnionid[openidField] === null) {
      return users.update({ where: { id: byUnionid.id }, data: { [openidField]: openid } });
    }
  }
  if (byOpenid) {
    if (unionid && byOpenid.unionid === null && !byUnionid) {
      return users.update({ where: { id: byOpenid.id }, data: { unionid } });
    }
    if (byUnionid && byUnionid.id !== byOpenid.id) {
      // Two records for one person (each channel seen before the unionid was known). Merging
      // would re-point other capabilities' rows; keep both and let staff reconcile.
      ctx.logger.warn({ userId: byOpenid.id, otherUserId: byUnionid.id }, "unionid belongs to another user; not merged");
    }
    return byOpenid;
  }
  return users.create({ data: { [openidField]: openid, ...(unionid && !byUnionid ? { unionid } : {}) } });
}

