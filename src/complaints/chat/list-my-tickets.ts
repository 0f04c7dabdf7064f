import type { CommandContext, Reply } from "../../chat";
import { formatShanghai } from "../../calendar";
import { listOwnComplaints } from "../citizen/list-own-complaints";
import type { ComplaintsDeps } from "../deps";
import { text } from "../texts";
import { COMPLAINT_KIND_LABELS, type ComplaintKind } from "../types";
import { lookupOwnerOf } from "./ticket-owner";
import { replyDueOf, say, statusLabelOf } from "./ticket-words";

const LIST_LIMIT = 5;
/** A chat line has room for the first words of the complaint only. */
const SUMMARY_CHARS = 24;

/** "我的投诉": the sender's latest tickets, one line each, newest first. */
export async function listMyTickets(deps: ComplaintsDeps, ctx: CommandContext): Promise<Reply> {
  const rows = await listOwnComplaints(deps, { owner: await lookupOwnerOf(deps, ctx), limit: LIST_LIMIT });
  if (!rows.length) return say("mine_none");
  const lines = rows.map((c, i) => {
    const dueAt = replyDueOf(c);
    const chars = [...c.text];
    return text("chat.mine_item", {
      n: i + 1,
      ticketNo: c.ticketNo,
      kindLabel: COMPLAINT_KIND_LABELS[c.kind as ComplaintKind] ?? c.kind,
      status: statusLabelOf(c),
      due: dueAt ? text("chat.mine_due", { dueAt: formatShanghai(dueAt) }) : "",
      summary: chars.length > SUMMARY_CHARS ? text("chat.mine_summary_cut", { start: chars.slice(0, SUMMARY_CHARS).join("") }) : c.text,
    });
  });
  return { kind: "text", text: [text("chat.mine_title", { count: rows.length }), ...lines, text("chat.mine_hint")].join("\n") };
}
