import type { AppContext } from "../platform/context";
import { writeAudit } from "../platform/audit";
import { staffErrors } from "./errors";
import { assertPasswordAcceptable, hashPassword } from "./password";
import type { StaffAccountRow } from "./presenters";

export interface ResetPasswordOptions {
  id: string;
  password: string;
  actor: string;
}

/**
 * An administrator gives a colleague who forgot their password a new one (to be changed on the
 * 修改密码 page). Every session of the account ends and a lock-out is lifted; the audit log
 * records who reset whose password, never the password.
 */
export async function resetPassword(app: AppContext, o: ResetPasswordOptions): Promise<StaffAccountRow> {
  const prisma = app.db.prisma;
  const account = await prisma.staffAccount.findUnique({ where: { id: o.id }, select: { username: true } });
  if (!account) throw staffErrors("staff_account_not_found");
  assertPasswordAcceptable(o.password, account.username);
  const passwordHash = await hashPassword(o.password);
  return prisma.$transaction(async (tx) => {
    const row = await tx.staffAccount.update({
      where: { id: o.id },
      data: { passwordHash, sessionEpoch: { increment: 1 }, lockedUntil: null, failedAttempts: 0, lastFailedAt: null },
    });
    await writeAudit(tx, { actor: o.actor, action: "staff.password_reset", entity: "staff_account", entityId: row.username, at: app.now() });
    return row;
  });
}
