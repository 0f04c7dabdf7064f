import type { Context } from "koa";
import { appContextOf } from "../http/app-context";
import { authenticateStaff } from "./authenticate";
import { changePassword } from "./change-password";
import { staffErrors } from "./errors";

/**
 * The signed-in staff member changes their own password (the API's POST /api/v1/staff/password
 * and the console's 修改密码 page): only with a session — the machine token has no password.
 */
export async function changeOwnPassword(c: Context, o: { oldPassword: string; newPassword: string }): Promise<void> {
  const auth = await authenticateStaff(c);
  if (!auth?.session || !auth.principal.accountId) throw staffErrors("staff_session_required");
  await changePassword(appContextOf(c), { accountId: auth.principal.accountId, oldPassword: o.oldPassword, newPassword: o.newPassword, current: auth.session });
}
