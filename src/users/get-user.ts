import type { AppContext } from "../platform/context";
import type { UserModel as User } from "../platform/db";
import { userErrors } from "./errors";

export async function getUser(ctx: AppContext, userId: string): Promise<User> {
  const u = await ctx.db.prisma.user.findUnique({ where: { id: userId } });
  if (!u) throw userErrors("user_not_found");
  return u;
}
