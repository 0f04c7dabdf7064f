import { assertInDepartment } from "./assert-in-department";
import type { ApplicationsDeps } from "./deps";
import { findApplication, type ApplicationRef } from "./find-application";
import { loadApplicationState } from "./load-application";
import type { ApplicationState } from "./presenters";

export interface GetApplicationOptions extends ApplicationRef {
  /** The staff member's own department when their role is limited to it: another's is application_not_found. */
  onlyDepartment?: string | undefined;
}

/** One application by number or upstream reference, with its timeline and clock; application_not_found otherwise. */
export async function getApplication(deps: ApplicationsDeps, opts: GetApplicationOptions): Promise<ApplicationState> {
  const a = await findApplication(deps.app.db.prisma, opts);
  assertInDepartment(a, opts.number ?? opts.externalRef ?? "", opts.onlyDepartment);
  return loadApplicationState(deps, a);
}
