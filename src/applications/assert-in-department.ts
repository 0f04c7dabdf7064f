import type { ApplicationModel } from "../platform/db";
import type { ApplicationsDeps } from "./deps";
import { applicationErrors } from "./errors";
import { findApplication } from "./find-application";

/**
 * A department-limited staff member (a handler) sees only their department's applications:
 * another's is "not found", as an unknown number is. `department` undefined: every department.
 */
export function assertInDepartment(a: Pick<ApplicationModel, "department">, ref: string, department: string | undefined): void {
  if (department !== undefined && a.department !== department) throw applicationErrors("application_not_found", { ref });
}

/** assertInDepartment for an application known by its number (read only when the scope is limited). */
export async function assertApplicationInDepartment(deps: ApplicationsDeps, number: string, department: string | undefined): Promise<void> {
  if (department === undefined) return;
  assertInDepartment(await findApplication(deps.app.db.prisma, { number }), number, department);
}
