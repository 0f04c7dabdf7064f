import type { ComplaintDesk, StaffComplaintView } from "../../complaints";
import { consoleErrors } from "../errors";

export interface LoadVisibleTicketOptions {
  desk: ComplaintDesk;
  ref: string;
  /** A handler's own department (staffDepartmentScope); undefined: every department. */
  onlyDepartment: string | undefined;
}

/** The ticket, unless it belongs to another department than a handler's own: then it does not exist for them. */
export async function loadVisibleTicket(o: LoadVisibleTicketOptions): Promise<StaffComplaintView> {
  const t = await o.desk.get(o.ref);
  const scope = o.onlyDepartment;
  if (scope !== undefined && t.department !== scope && t.departmentId !== scope) throw consoleErrors("ticket_outside_department", { ref: o.ref });
  return t;
}
