import type { CommandContext, Reply } from "../../chat";
import { isAppError } from "../../platform/errors";
import { findOwnComplaint } from "../citizen/find-own-complaint";
import type { ComplaintsDeps } from "../deps";
import { rateComplaint } from "../rating/rate-complaint";
import { text } from "../texts";
import { isNegative, SATISFACTION_LEVELS, type Satisfaction } from "../types";
import { lookupOwnerOf } from "./ticket-owner";
import { say, statusLabelOf } from "./ticket-words";

/** "评价 <工单号> <等级>": the level by name or as 5–1 (5 为非常满意). */
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
    return { kind: "text", text: e.reason?.startsWith("rating_") ? e.message : text("chat.rate_not_ready", { ticketNo: c.ticketNo, status: statusLabelOf(c) }) };
  }
  return say(isNegative(satisfaction) ? "rated_negative" : "rated", { satisfaction });
}
