import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../complaint-status";
import { complaintErrors } from "../errors";
import type { Complaint } from "../workflow/db";

/**
 * Why a ticket cannot be rated now, as the citizen would be told (issue 19): before the reply
 * "工单答复后即可评价", after a rating "已评价过" — never the state machine's "不能从…变更为…".
 * A ticket is rated once it is replied (or visited), again after a reopened one is replied.
 */
export function assertRatable(c: Complaint): void {
  if (c.status === "replied" || c.status === "visited") return;
  const status = COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus];
  if (c.satisfaction && (c.status === "rated" || c.status === "closed")) throw complaintErrors("rating_already_given", { ticketNo: c.ticketNo, satisfaction: c.satisfaction });
  if (c.status === "closed" || c.status === "merged") throw complaintErrors("rating_closed", { ticketNo: c.ticketNo, status });
  throw complaintErrors("rating_not_ready", { ticketNo: c.ticketNo, status });
}
