import type { ApplicationsDeps } from "./deps";
import { findApplication, type ApplicationRef } from "./find-application";
import { loadApplicationState } from "./load-application";
import type { ApplicationState } from "./presenters";

/** One application by number or upstream reference, with its timeline and clock; not_found otherwise. */
export async function getApplication(deps: ApplicationsDeps, ref: ApplicationRef): Promise<ApplicationState> {
  return loadApplicationState(deps, await findApplication(deps.app.db.prisma, ref));
}
