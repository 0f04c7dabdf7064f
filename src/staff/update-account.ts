import type { AppContext } from "../platform/context";
import { writeAudit } from "../platform/audit";
import { assertDepartment } from "./create-account";
import { staffErrors } from "./errors";
import type { Role } from "./roles";
import type { StaffAccountRow } from "./presenters";

export interface UpdateAccountOptions {
  id: string;
  role?: Role | undefined;
  /** null clears it */
  department?: string | null | undefined;
  disabled?: boolean | undefined;
  actor: string;
  /** The administrator's own account: they may not lock themselves out. */
  actorAccountId: string | null;
}

/**
 * An administrator changes an account's role, department or enabled state. Disabling, or a
 * change of role or department, ends the account's sessions (epoch bump): the next request of
 * a disabled account is refused, and nobody keeps rights they lost.
 */
export async function updateAccount(app: AppContext, o: UpdateAccountOptions): Promise<StaffAccountRow> {
  const prisma = app.db.prisma;
  return prisma.$transaction(async (tx) => {
    const before = await tx.staffAccount.findUnique({ where: { id: o.id } });
    if (!before) throw staffErrors("staff_account_not_found");
    const after = {
      role: o.role ?? before.role,
      department: o.department === undefined ? before.department : o.department?.trim() || null,
      disabled: o.disabled ?? before.disabled,
    };
    if (o.actorAccountId === before.id && (after.disabled || after.role !== "administrator")) throw staffErrors("staff_cannot_disable_self");
    assertDepartment(after.role as Role, after.department);
    // "Enabled" also lifts a lock-out: the way an administrator lets a locked-out colleague back in.
    const unlock = o.disabled === false && (before.lockedUntil !== null || before.failedAttempts > 0);
    const changed = after.role !== before.role || after.department !== before.department || after.disabled !== before.disabled;
    if (!changed && !unlock) return before;
    const endSessions = after.disabled !== before.disabled ? after.disabled : true;
    const row = await tx.staffAccount.update({
      where: { id: before.id },
      data: { ...after, ...(changed && endSessions ? { sessionEpoch: { increment: 1 } } : {}), ...(unlock ? { lockedUntil: null, failedAttempts: 0 } : {}) },
    });
    const action = after.disabled !== before.disabled ? (after.disabled ? "staff.disable" : "staff.enable") : changed ? "staff.update" : "staff.unlock";
    await writeAudit(tx, {
      actor: o.actor, action, entity: "staff_account", entityId: before.username, at: app.now(),
      diff: { before: { role: before.role, department: before.department, disabled: before.disabled }, after },
    });
    return row;
  });
}
