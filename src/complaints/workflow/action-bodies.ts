import { z } from "zod";
import { SATISFACTION_LEVELS } from "../types";

/**
 * The request bodies of the staff moves on a ticket (desk-actions.ts): one schema per move, the
 * same for the admin API and the staff console.
 */
const note = z.string().trim().min(1).max(2000);
const optionalNote = z.string().max(500).optional();
const empty = z.object({}).optional().transform(() => ({}));

export const dispatchBody = z.object({ department: z.string().trim().min(2).max(100), departmentId: z.uuid().optional(), note: optionalNote });
export const signBody = empty;
export const reasonBody = z.object({ reason: note });
export const noteBody = z.object({ note });
export const extensionBody = z.object({ workdays: z.number().int(), reason: note });
export const extensionDecisionBody = z.object({ approve: z.boolean(), note: optionalNote });
export const replyBody = z.object({ replyText: note });
export const staffRatingBody = z.object({ satisfaction: z.enum(SATISFACTION_LEVELS), comment: z.string().max(500).optional() });
export const closeBody = z.object({ note: optionalNote }).optional().transform((b) => b ?? {});
export const mergeBody = z.object({ intoTicketNo: z.string().min(1).max(40) });
export const recheckBody = z.object({ passed: z.boolean(), note });
export const appealDecisionBody = z.object({ upheld: z.boolean(), note });
export const publishBody = z.object({ publicInterest: z.boolean() });
