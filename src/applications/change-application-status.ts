import { assertApplicationInDepartment } from "./assert-in-department";
import type { ApplicationsDeps } from "./deps";
import { loadApplicationState } from "./load-application";
import type { ApplicationState } from "./presenters";
import { recordApplicationEvent, type RecordEventOptions } from "./record-application-event";

export interface ChangeApplicationStatusOptions extends RecordEventOptions {
  number: string;
  /** The staff member's own department when their role is limited to it: another's is application_not_found. */
  onlyDepartment?: string | undefined;
}

/**
 * A staff member moves an application through the state machine (record-application-event.ts);
 * the answer is the application as it is now, and whether the move became its current status.
 */
export async function changeApplicationStatus(deps: ApplicationsDeps, opts: ChangeApplicationStatusOptions): Promise<{ state: ApplicationState; applied: boolean }> {
  const { onlyDepartment, ...event } = opts;
  // Checked before anything is recorded: another department's application does not exist for a handler.
  await assertApplicationInDepartment(deps, opts.number, onlyDepartment);
  const r = await recordApplicationEvent(deps, event);
  return { state: await loadApplicationState(deps, r.application), applied: r.applied };
}
