import { getApplication, type ApplicationsDeps } from "../../applications";
import { consoleErrors } from "../errors";

export type ApplicationState = Awaited<ReturnType<typeof getApplication>>;

export interface LoadVisibleApplicationOptions {
  deps: ApplicationsDeps;
  number: string;
  /** A handler's own department (staffDepartmentScope); undefined: every department. */
  onlyDepartment: string | undefined;
}

/** The application with its timeline, unless it is another department's than a handler's own: then it does not exist for them. */
export async function loadVisibleApplication(o: LoadVisibleApplicationOptions): Promise<ApplicationState> {
  const s = await getApplication(o.deps, { number: o.number });
  if (o.onlyDepartment !== undefined && s.application.department !== o.onlyDepartment) throw consoleErrors("application_outside_department", { number: o.number });
  return s;
}
