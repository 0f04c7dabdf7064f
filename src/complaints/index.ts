/**
 * The complaints capability's public surface (12345 workflow: intake, routing, deadlines,
 * replies, ratings, forwarding, publication). Other folders import only from here.
 */
export { complaintsCapability } from "./capability";
export { complaintChatCommand } from "./chat/command";
export type { ComplaintsOptions } from "./deps";
export type { ComplaintClassification } from "./deps";
export type { CitizenNotice } from "./ports";
export { createComplaint, type CreateComplaintOptions } from "./intake/create-complaint";
export { superviseComplaints } from "./workflow/supervise-complaints";
export { refreshComplaintDeadlines } from "./workflow/refresh-deadlines";
export { SATISFACTION_LEVELS, COMPLAINT_KINDS } from "./types";
export { complaintDesk, type ComplaintDesk, type StaffComplaintView } from "./desk";
export type { ComplaintStats } from "./count-complaint-stats";
export { COMPLAINT_STATUSES } from "./complaint-status";
