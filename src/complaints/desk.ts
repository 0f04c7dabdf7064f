import type { ComplaintsDeps } from "./deps";
import { allowedTransitions, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "./complaint-status";
import { countComplaintStats } from "./count-complaint-stats";
import { presentStaffComplaint } from "./presenters";
import { actOnComplaint } from "./workflow/act-on-complaint";
import { getComplaint } from "./workflow/get-complaint";
import { superviseComplaints } from "./workflow/supervise-complaints";
import { listComplaints, type ListComplaintsOptions } from "./workflow/list-complaints";

export type StaffComplaintView = ReturnType<typeof presentStaffComplaint>;

/**
 * The complaint workflow as the staff console uses it (its port, console/ports.ts): the admin
 * API's operations and staff view, bound to the capability's resolved parts.
 */
export interface ComplaintDesk {
  list(o: ListComplaintsOptions): Promise<StaffComplaintView[]>;
  get(ref: string): Promise<StaffComplaintView>;
  /** One move by its admin-API name (dispatch, sign, return, reply, …); the body is validated as the API does. */
  act(action: string, ref: string, body: unknown, actor: string): Promise<StaffComplaintView>;
  /** The statuses the ticket may move to next. */
  nextStatuses(status: string): readonly string[];
  statusLabels: Record<string, string>;
  /** Dashboard figures, all departments or one (a handler's). */
  stats(department?: string): ReturnType<typeof countComplaintStats>;
  /** The supervision scan (reminders, 督办, escalation), now rather than on its schedule. */
  supervise(): ReturnType<typeof superviseComplaints>;
}

export function complaintDesk(get: () => ComplaintsDeps): ComplaintDesk {
  const present = (c: Parameters<typeof presentStaffComplaint>[1]) => presentStaffComplaint(get().app, c);
  return {
    list: async (o) => (await listComplaints(get(), o)).map(present),
    get: async (ref) => present(await getComplaint(get(), { ref })),
    act: async (action, ref, body, actor) => present(await actOnComplaint(get(), { action, ref, body, actor })),
    nextStatuses: (status) => allowedTransitions(status as ComplaintStatus) ?? [],
    statusLabels: COMPLAINT_STATUS_LABELS,
    stats: (department) => countComplaintStats(get(), get().app.now(), department),
    supervise: () => superviseComplaints(get()),
  };
}
