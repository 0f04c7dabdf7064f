import type { AppContext } from "../platform/context";
import type { UserModel as User } from "../platform/db";
import { userErrors } from "./errors";
import { isValidIdNumber } from "./id-number";
import { idNumberLookupKey } from "./phone";

export interface RealNameOptions {
  name: string;
  idNumber: string;
}

const NAME_LENGTH = { min: 2, max: 30 };

/** Real-name details as the citizen states them, encrypted at rest (checked for form, not verified). */
export async function setRealName(ctx: AppContext, userId: string, opts: RealNameOptions): Promise<User> {
  const name = opts.name.trim();
  const idNumber = opts.idNumber.trim().toUpperCase();
  if (!isValidIdNumber(idNumber)) throw userErrors("id_number_invalid");
  if ([...name].length < NAME_LENGTH.min || [...name].length > NAME_LENGTH.max) throw userErrors("real_name_length", NAME_LENGTH);
  return ctx.db.prisma.user.update({
    where: { id: userId },
    data: {
      realNameEnc: ctx.crypto.encrypt(name),
      idNumberEnc: ctx.crypto.encrypt(idNumber),
      idNumberIndex: idNumberLookupKey(ctx, idNumber),
    },
  });
}
