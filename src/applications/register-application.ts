import { createApplication, type CreateApplicationOptions } from "./create-application";
import type { ApplicationsDeps } from "./deps";
import { loadApplicationState } from "./load-application";
import type { ApplicationState } from "./presenters";

/** Registers an application (create-application.ts) and reads it back with its timeline and live clock, as staff see it. */
export async function registerApplication(deps: ApplicationsDeps, opts: CreateApplicationOptions): Promise<ApplicationState> {
  const { application } = await createApplication(deps, opts);
  return loadApplicationState(deps, application);
}
