import type { AppContext } from "../platform/context";
import type { UserModel as User } from "../platform/db";
import { AppError } from "../platform/errors";
import { isValidIdNumber } from "./id-number";
import { idNumberLookupKey, normalizePhone, phoneLookupKey } from "./phone";

export async function getUser(ctx: AppContext, userId: string): Promise<User> {
  const u = await ctx.db.prisma.user.findUnique({ where: { id: userId } });
  if (!u) throw new AppError("not_found", "User not found");
  return u;
}

/** Stores a verified phone number (from WeChat's phone-number API) encrypted, with its blind index. */
export async function bindPhone(ctx: AppContext, userId: string, phone: string): Promise<User> {
  const normalized = normalizePhone(phone);
  if (!/^1[3-9]\d{9}$/.test(normalized)) throw new AppError("unprocessable", "Only mainland mobile numbers can be bound");
  return ctx.db.prisma.user.update({
    where: { id: userId },
    data: { phoneEnc: ctx.crypto.encrypt(normalized), phoneIndex: phoneLookupKey(ctx, normalized), phoneBoundAt: ctx.now() },
  });
}

export interface RealNameOptions {
  name: string;
  idNumber: string;
}

/** Real-name details as the citizen states them, encrypted at rest (checked for form, not verified). */
export async function setRealName(ctx: AppContext, userId: string, opts: RealNameOptions): Promise<User> {
  const name = opts.name.trim();
  const idNumber = opts.idNumber.trim().toUpperCase();
  if (!isValidIdNumber(idNumber)) throw new AppError("unprocessable", "The ID number is not valid");
  if ([...name].length < 2 || [...name].length > 30) throw new AppError("unprocessable", "The name must have 2 to 30 characters");
  return ctx.db.prisma.user.update({
    where: { id: userId },
    data: {
      realNameEnc: ctx.crypto.encrypt(name),
      idNumberEnc: ctx.crypto.encrypt(idNumber),
      idNumberIndex: idNumberLookupKey(ctx, idNumber),
    },
  });
}

/** Users whose bound phone is this number (applications match applicants by phone). */
export async function findUsersByPhone(ctx: AppContext, phone: string): Promise<User[]> {
  return ctx.db.prisma.user.findMany({ where: { phoneIndex: phoneLookupKey(ctx, phone) } });
}
