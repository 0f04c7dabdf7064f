import type { ApplicationsDeps } from "./deps";
import { applicationErrors } from "./errors";
import { findApplication } from "./find-application";

/**
 * A department-limited staff member (a handler) sees only their department's applications:
 * another's is "not found", as an unknown number is. `department` undefined: every department.
 */
export async function assertApplicationInDepartment(deps: ApplicationsDeps, number: string, department: string | undefined): Promise<void> {
  if (department === undefined) return;
  const a = await findApplication(deps.app.db.prisma, { number });
  if (a.department !== department) throw applicationErrors("application_not_found", { ref: number });
}
