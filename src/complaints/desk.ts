import type { ComplaintsDeps } from "./deps";
import { allowedTransitions, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "./complaint-status";
import { countComplaintStats } from "./count-complaint-stats";
import { ACTIONS } from "./http/admin-action-routes";
import { presentStaffComplaint } from "./presenters";
import { getComplaint } from "./workflow/get-complaint";
import { superviseComplaints } from "./workflow/supervise-complaints";
import { listComplaints, type ListComplaintsOptions } from "./workflow/list-complaints";
import { AppError } from "../platform/errors";

export type StaffComplaintView = ReturnType<typeof presentStaffComplaint>;

/**
 * The complaint workflow as the staff console uses it: the same operations, request bodies
 * (zod) and staff view as the admin API, bound to the capability's resolved parts.
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
    async act(action, ref, body, actor) {
      const a = ACTIONS.find((x) => x.path === action);
      if (!a) throw new AppError("not_found", `unknown action ${action}`);
      const parsed = a.body.safeParse(body);
      if (!parsed.success) throw new AppError("validation_failed", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), { issues: parsed.error.issues });
      await a.run(get(), ref, parsed.data, actor);
      return present(await getComplaint(get(), { ref }));
    },
    nextStatuses: (status) => allowedTransitions(status as ComplaintStatus) ?? [],
    statusLabels: COMPLAINT_STATUS_LABELS,
    stats: (department) => countComplaintStats(get(), get().app.now(), department),
    supervise: () => superviseComplaints(get()),
  };
}
