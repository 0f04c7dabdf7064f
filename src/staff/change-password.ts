import type { AppContext } from "../platform/context";
import { staffErrors } from "./errors";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "./password";
import { saveSession, type StaffSession } from "./sessions";

export interface ChangePasswordOptions {
  accountId: string;
  oldPassword: string;
  newPassword: string;
  /** The session making the change: it stays open, every other one ends. */
  current: { token: string; record: StaffSession };
}

/** A new password for the signed-in account, after the old one; other sessions end (epoch bump). */
export async function changePassword(app: AppContext, o: ChangePasswordOptions): Promise<void> {
  const prisma = app.db.prisma;
  const account = await prisma.staffAccount.findUnique({ where: { id: o.accountId } });
  if (!account) throw staffErrors("staff_account_not_found");
  if (!(await verifyPassword(account.passwordHash, o.oldPassword))) throw staffErrors("staff_password_wrong");
  assertPasswordAcceptable(o.newPassword, account.username);
  const updated = await prisma.staffAccount.update({
    where: { id: account.id },
    data: { passwordHash: await hashPassword(o.newPassword), sessionEpoch: { increment: 1 } },
    select: { sessionEpoch: true },
  });
  await saveSession(app.store, o.current.token, { ...o.current.record, epoch: updated.sessionEpoch });
}
