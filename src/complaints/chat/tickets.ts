import type { CommandContext, Reply } from "../../chat";
import { formatShanghai } from "../../calendar";
import { linkedIdentityOf } from "../../users";
import { isAppError } from "../../platform/errors";
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../complaint-status";
import type { ComplaintsDeps } from "../deps";
import { findOwnComplaint, type ComplaintOwner } from "../citizen/find-own-complaint";
import { listOwnComplaints } from "../citizen/list-own-complaints";
import { rateComplaint } from "../rating/rate-complaint";
import { text } from "../text";
import { COMPLAINT_KIND_LABELS, HANDLING_STATUSES, isNegative, SATISFACTION_LEVELS, type ComplaintKind, type Satisfaction } from "../types";
import type { Complaint } from "../workflow/db";

/** The citizen's tickets in chat: "我的投诉" (the list), "工单 <工单号>" (one), "评价 <工单号> <等级>". */
export const say = (id: string, vars?: Record<string, string | number>): Reply => ({ kind: "text", text: text(`chat.${id}`, vars) });

/**
 * Who owns a ticket filed in chat: the Official Account's openid, or the mini-program's user id
 * (as /api/v1/mp/complaints stores it, so the ticket is listed and notified there too).
 */
export const ownerOf = (ctx: CommandContext): ComplaintOwner =>
  ctx.incoming.channel === "miniprogram" ? { userId: ctx.incoming.userId } : { openid: ctx.incoming.userId };

/**
 * Whose tickets the sender may see and rate: the channel's identity and, when the same person
 * uses both the Official Account and the mini-program (one user), the other one too.
 */
async function lookupOwnerOf(deps: ComplaintsDeps, ctx: CommandContext): Promise<ComplaintOwner> {
  const own = ownerOf(ctx);
  const linked = await linkedIdentityOf(deps.app, "userId" in own && own.userId ? { userId: own.userId } : { oaOpenid: ctx.incoming.userId });
  return { ...own, ...(linked.userId ? { userId: linked.userId } : {}), ...(linked.oaOpenid ? { openid: linked.oaOpenid } : {}) } as ComplaintOwner;
}

const label = (c: Complaint) => COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus];
/** The reply deadline, while a department holds the ticket (after an approved extension: the new one). */
const dueOf = (c: Complaint) => ((HANDLING_STATUSES as readonly string[]).includes(c.status) && c.replyDueAt ? c.replyDueAt : undefined);

export async function ticketStatus(deps: ComplaintsDeps, ctx: CommandContext, ticketNo: string): Promise<Reply> {
  const c = await findOwnComplaint(deps, { ticketNo, owner: await lookupOwnerOf(deps, ctx) });
  if (!c) return say("not_found", { ticketNo });
  const detail = c.replyText ? text("chat.status_reply", { reply: c.replyText }) : text("chat.status_none");
  const dueAt = dueOf(c);
  const due = !dueAt ? "" : c.extensionWorkdays > 0 ? text("chat.due_extended", { dueAt: formatShanghai(dueAt), workdays: c.extensionWorkdays }) : text("chat.due", { dueAt: formatShanghai(dueAt) });
  return say("status", { ticketNo: c.ticketNo, status: label(c), due, detail });
}

const LIST_LIMIT = 5;

export async function myTickets(deps: ComplaintsDeps, ctx: CommandContext): Promise<Reply> {
  const rows = await listOwnComplaints(deps, { owner: await lookupOwnerOf(deps, ctx), limit: LIST_LIMIT });
  if (!rows.length) return say("mine_none");
  const lines = rows.map((c, i) => {
    const dueAt = dueOf(c);
    const summary = [...c.text].length > 24 ? `${[...c.text].slice(0, 24).join("")}…` : c.text;
    return text("chat.mine_item", {
      n: i + 1,
      ticketNo: c.ticketNo,
      kindLabel: COMPLAINT_KIND_LABELS[c.kind as ComplaintKind] ?? c.kind,
      status: label(c),
      due: dueAt ? text("chat.mine_due", { dueAt: formatShanghai(dueAt) }) : "",
      summary,
    });
  });
  return { kind: "text", text: [text("chat.mine_title", { count: rows.length }), ...lines, text("chat.mine_hint")].join("\n") };
}

export async function rateTicket(deps: ComplaintsDeps, ctx: CommandContext, ticketNo: string, level: string): Promise<Reply> {
  const satisfaction = /^[1-5]$/.test(level) ? SATISFACTION_LEVELS[5 - Number(level)] : SATISFACTION_LEVELS.find((s) => s === level);
  if (!satisfaction) return say("rate_usage");
  const c = await findOwnComplaint(deps, { ticketNo, owner: await lookupOwnerOf(deps, ctx) });
  if (!c) return say("not_found", { ticketNo });
  try {
    await rateComplaint(deps, { ref: c.id, satisfaction: satisfaction as Satisfaction, via: ctx.incoming.channel });
  } catch (e) {
    // Not replied yet, rated already, closed (rating/ratable.ts): said as the citizen is told
    // everywhere; anything else (a race with staff) as "not ready" rather than the state machine's words.
    if (!isAppError(e)) throw e;
    return { kind: "text", text: e.reason?.startsWith("rating_") ? e.message : text("chat.rate_not_ready", { ticketNo: c.ticketNo, status: label(c) }) };
  }
  return say(isNegative(satisfaction) ? "rated_negative" : "rated", { satisfaction });
}
