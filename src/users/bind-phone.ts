import type { AppContext } from "../platform/context";
import type { UserModel as User } from "../platform/db";
import { userErrors } from "./errors";
import { normalizePhone, phoneLookupKey } from "./phone";

/** Stores a verified phone number (from WeChat's phone-number API) encrypted, with its blind index. */
export async function bindPhone(ctx: AppContext, userId: string, phone: string): Promise<User> {
  const normalized = normalizePhone(phone);
  if (!/^1[3-9]\d{9}$/.test(normalized)) throw userErrors("phone_not_mainland");
  return ctx.db.prisma.user.update({
    where: { id: userId },
    data: { phoneEnc: ctx.crypto.encrypt(normalized), phoneIndex: phoneLookupKey(ctx, normalized), phoneBoundAt: ctx.now() },
  });
}
