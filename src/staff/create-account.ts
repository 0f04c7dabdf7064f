import type { AppContext } from "../platform/context";
import { writeAudit } from "../platform/audit";
import { staffErrors } from "./errors";
import { assertPasswordAcceptable, hashPassword } from "./password";
import { DEPARTMENT_ROLES, type Role } from "./roles";
import { requireUsername } from "./username";
import type { StaffAccountRow } from "./presenters";

export interface CreateAccountOptions {
  username: string;
  password: string;
  role: Role;
  department?: string | null | undefined;
  actor: string;
}

/** A new staff account (the CLI makes the first administrator; administrators the rest). */
export async function createAccount(app: AppContext, o: CreateAccountOptions): Promise<StaffAccountRow> {
  const { username, department } = checkNewAccount(o);
  const prisma = app.db.prisma;
  if (await prisma.staffAccount.findUnique({ where: { username }, select: { id: true } })) throw staffErrors("staff_username_taken", { username });
  const passwordHash = await hashPassword(o.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.staffAccount.create({ data: { username, passwordHash, role: o.role, department } });
      await writeAudit(tx, { actor: o.actor, action: "staff.create", entity: "staff_account", entityId: username, diff: { role: o.role, department }, at: app.now() });
      return row;
    });
  } catch (e) {
    // Two creations of one name at once: the unique index decides.
    if ((e as { code?: string }).code === "P2002") throw staffErrors("staff_username_taken", { username });
    throw e;
  }
}

/** What can be refused before touching the database (the CLI checks this before opening it). */
export function checkNewAccount(o: Omit<CreateAccountOptions, "actor">): { username: string; department: string | null } {
  const username = requireUsername(o.username);
  const department = o.department?.trim() || null;
  assertDepartment(o.role, department);
  assertPasswordAcceptable(o.password, username);
  return { username, department };
}

/** Handlers work for one department, so they need one. */
export function assertDepartment(role: Role, department: string | null): void {
  if (DEPARTMENT_ROLES.includes(role) && !department) throw staffErrors("staff_department_required");
}
