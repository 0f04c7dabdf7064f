import { recordApplicationEvent, type ApplicationsDeps } from "../../applications";
import type { Role } from "../../staff";
import { consoleErrors } from "../errors";
import { mayRecordApplicationStep } from "../staff-policy";
import { loadVisibleApplication } from "./load-visible-application";

export interface RecordApplicationStepOptions {
  deps: ApplicationsDeps;
  number: string;
  status: string;
  note?: string | undefined;
  role: Role;
  onlyDepartment: string | undefined;
  actor: string;
}

/** A step recorded from the console, refused as the admin API refuses it; returns the application's number. */
export async function recordApplicationStep(o: RecordApplicationStepOptions): Promise<string> {
  if (!mayRecordApplicationStep(o.role)) throw consoleErrors("application_step_not_for_role");
  const { application } = await loadVisibleApplication(o);
  await recordApplicationEvent(o.deps, { number: application.number, status: o.status, note: o.note || undefined, actor: o.actor, source: "staff", sourceId: "console" });
  return application.number;
}
