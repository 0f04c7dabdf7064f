import type { AppContext } from "../platform/context";
import type { UserModel as User } from "../platform/db";
import { phoneLookupKey } from "./phone";

/** Users whose bound phone is this number (applications match applicants by phone). */
export async function findUsersByPhone(ctx: AppContext, phone: string): Promise<User[]> {
  return ctx.db.prisma.user.findMany({ where: { phoneIndex: phoneLookupKey(ctx, phone) } });
}
