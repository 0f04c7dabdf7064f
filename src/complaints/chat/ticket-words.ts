import type { Reply } from "../../chat";
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../complaint-status";
import { text } from "../texts";
import { HANDLING_STATUSES } from "../types";
import type { Complaint } from "../workflow/db";

/** A chat reply from templates/complaints (`chat.<id>`). */
export const say = (id: string, vars?: Record<string, string | number>): Reply => ({ kind: "text", text: text(`chat.${id}`, vars) });

/** The status in the words the citizen reads (labels.status). */
export const statusLabelOf = (c: Complaint) => COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus];

/** The reply deadline, while a department holds the ticket (after an approved extension: the new one). */
export const replyDueOf = (c: Complaint) => ((HANDLING_STATUSES as readonly string[]).includes(c.status) && c.replyDueAt ? c.replyDueAt : undefined);
