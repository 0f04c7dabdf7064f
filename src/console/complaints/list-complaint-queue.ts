import type { ComplaintDesk, StaffComplaintView } from "../../complaints";
import type { Role } from "../../staff";
import { maySuperviseComplaints } from "../staff-policy";
import { HANDLING, queuesOf, type Queue } from "./queues";

export interface ListComplaintQueueOptions {
  desk: ComplaintDesk;
  role: Role;
  /** The queue asked for; the role's usual one when absent. */
  queue?: Queue | undefined;
  /** A handler's department, even an empty one (an account without a department sees nothing). */
  onlyDepartment: string | undefined;
}

export interface ComplaintQueue {
  queue: Queue;
  queues: readonly Queue[];
  items: StaffComplaintView[];
  canSupervise: boolean;
}

const LIMIT = 200;

/** Each queue as the admin API's list filter; 办理中 is narrowed afterwards (the list filters by one status only). */
const FILTERS: Record<Queue, Partial<Parameters<ComplaintDesk["list"]>[0]>> = {
  dispatch: { queue: "dispatcher" },
  sign: { status: "dispatched" },
  handling: {},
  overdue: { overdue: true },
  all: {},
};

/** One queue of tickets as a role works it, from the admin API's list. */
export async function listComplaintQueue(o: ListComplaintQueueOptions): Promise<ComplaintQueue> {
  const queues = queuesOf(o.role);
  const queue = o.queue ?? queues[0]!;
  const items = await o.desk.list({ ...FILTERS[queue], onlyDepartment: o.onlyDepartment, limit: LIMIT });
  const shown = queue === "handling" ? items.filter((t) => HANDLING.has(t.status)) : items;
  return { queue, queues, items: shown, canSupervise: maySuperviseComplaints(o.role) };
}
