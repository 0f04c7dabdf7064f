import { allowedApplicationTransitions, type ApplicationStatus, type ApplicationsDeps } from "../../applications";
import type { Role } from "../../staff";
import { mayRecordApplicationStep } from "../staff-policy";
import { loadVisibleApplication, type ApplicationState } from "./load-visible-application";

export interface GetStaffApplicationOptions {
  deps: ApplicationsDeps;
  number: string;
  role: Role;
  onlyDepartment: string | undefined;
}

/** One application for a staff member: its state, the steps the state machine allows next, and whether their role may record one. */
export async function getStaffApplication(o: GetStaffApplicationOptions): Promise<{ state: ApplicationState; next: ApplicationStatus[]; canAct: boolean }> {
  const state = await loadVisibleApplication(o);
  const next = [...allowedApplicationTransitions(state.application.status as ApplicationStatus)];
  return { state, next, canAct: mayRecordApplicationStep(o.role) };
}
