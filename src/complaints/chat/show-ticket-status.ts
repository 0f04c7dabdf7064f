import type { CommandContext, Reply } from "../../chat";
import { formatShanghai } from "../../calendar";
import { findOwnComplaint } from "../citizen/find-own-complaint";
import type { ComplaintsDeps } from "../deps";
import { text } from "../texts";
import { lookupOwnerOf } from "./ticket-owner";
import { replyDueOf, say, statusLabelOf } from "./ticket-words";

/** "工单 <工单号>": one of the sender's tickets, its deadline and the reply. */
export async function showTicketStatus(deps: ComplaintsDeps, ctx: CommandContext, ticketNo: string): Promise<Reply> {
  const c = await findOwnComplaint(deps, { ticketNo, owner: await lookupOwnerOf(deps, ctx) });
  if (!c) return say("not_found", { ticketNo });
  const detail = c.replyText ? text("chat.status_reply", { reply: c.replyText }) : text("chat.status_none");
  const dueAt = replyDueOf(c);
  const due = !dueAt ? "" : c.extensionWorkdays > 0 ? text("chat.due_extended", { dueAt: formatShanghai(dueAt), workdays: c.extensionWorkdays }) : text("chat.due", { dueAt: formatShanghai(dueAt) });
  return say("status", { ticketNo: c.ticketNo, status: statusLabelOf(c), due, detail });
}
