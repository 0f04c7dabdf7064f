import crypto from "node:crypto";
import type { ChatCommand, CommandContext, Reply, Session } from "../../chat";
import { boundPhoneOf } from "../../users";
import type { ComplaintsDeps } from "../deps";
import { createComplaint } from "../intake/create-complaint";
import { text } from "../texts";
import { COMPLAINT_KIND_LABELS, type ComplaintKind } from "../types";
import { startDraft, step, type Draft } from "./dialog";
import { promptOf } from "./prompts";
import { listMyTickets } from "./list-my-tickets";
import { rateTicket } from "./rate-ticket";
import { showTicketStatus } from "./show-ticket-status";
import { ownerOf } from "./ticket-owner";
import { say } from "./ticket-words";

/**
 * The complaint dialogue (dialog.ts) and the citizen's tickets ("我的投诉", "工单 <工单号>",
 * "进度 <工单号>", "评价 <工单号> <等级>") for chat channels. The draft lives in the chat
 * session under `complaintDraft`, a key the chat capability does not know but persists (and,
 * through `dialogKey`, remembers for a day that it was left open, to say so when it expired).
 */
type WithDraft = Session & { complaintDraft?: Draft | null };
export const DRAFT_KEY = "complaintDraft";

/**
 * "我要投诉 …" (any text after), or the bare word "投诉" alone or followed by a separator
 * ("投诉 小区…", "投诉：…"). "投诉电话是多少" is a question for the Q&A path, not a complaint.
 */
const START_WANT = /^(?:我要|我想)(投诉|求助|建议|举报|反映)[\s:：,，]*(.*)$/s;
const START_WORD = /^(投诉|求助|建议|举报)(?:[\s:：,，]+(.*))?$/s;
const QUESTION = /^(电话|热线|怎么|如何|渠道|方式|流程|哪里|在哪)/;
function parseStart(t: string): { word: string; rest: string } | undefined {
  const m = START_WANT.exec(t) ?? START_WORD.exec(t);
  if (!m) return undefined;
  const rest = (m[2] ?? "").trim();
  return QUESTION.test(rest) ? undefined : { word: m[1]!, rest };
}
const KIND_OF: Record<string, ComplaintKind> = { 投诉: "complaint", 举报: "complaint", 反映: "complaint", 求助: "help", 建议: "suggestion" };
const TICKET = "(QH\\d{14})";
const RATE = new RegExp(`^评价\\s*${TICKET}\\s*(.*)$`, "i");
/**
 * "工单 QH…", "进度 QH…" when the number is a ticket's (an application's number is longer), and
 * the bare ticket number — also when it answers "查进度"'s request for a number, where the
 * application lookup would call it malformed.
 */
const STATUS = new RegExp(`^(?:(?:查询?|查看)?(?:工单|投诉|进度)(?:进度|查询)?)?[\\s:：]*${TICKET}[。？?]*$`, "i");
/**
 * "我的投诉", "我的工单", "我的投诉怎么样了", "我的投诉处理到哪了", "我投诉的事怎么样了", and
 * "(查)投诉进度" / "工单进度" without a number.
 */
const MINE = /^(?:查看?|查询)?我的(?:投诉|工单|举报|求助|建议|诉求)(?:单)?(?:呢|怎么样了?|处理得?怎么样了?|办得?怎么样了?|进度|处理进度|(?:处理|办)?到哪(?:了|一步了)?|有结果了吗|处理了吗|有回复了吗)?[？?。!！]*$|^我(?:投诉|反映|举报)的(?:事|事情|问题)?(?:呢|怎么样了|处理了吗|有结果了吗|有回复了吗|进度|(?:处理|办)?到哪(?:了|一步了)?)[？?。!！]*$|^(?:查看?|查询)?(?:投诉|工单)(?:处理)?进度(?:查询)?[？?。!！]*$/;

export function complaintChatCommand(deps: () => ComplaintsDeps): ChatCommand {
  return {
    name: "complaint",
    // Filing, status and rating act for the person writing: chat lets only a verified sender
    // (signed Official Account message, mini-program session) reach handle.
    personal: true,
    dialog: { sessionKey: DRAFT_KEY, timedOut: () => text("chat.timed_out") },
    match: (t, session) => Boolean((session as WithDraft).complaintDraft) || parseStart(t) !== undefined || RATE.test(t) || STATUS.test(t) || MINE.test(t),
    handle: async (ctx) => {
      const d = deps();
      const draft = (ctx.session as WithDraft).complaintDraft;
      if (draft) return continueDialogue(d, ctx, draft);
      const rate = RATE.exec(ctx.text);
      if (rate) return rateTicket(d, ctx, rate[1]!, rate[2]!.trim());
      const status = STATUS.exec(ctx.text);
      if (status) return showTicketStatus(d, ctx, status[1]!);
      if (MINE.test(ctx.text)) return listMyTickets(d, ctx);
      const { word, rest } = parseStart(ctx.text)!;
      const next = startDraft(crypto.randomUUID(), KIND_OF[word] ?? "complaint", rest, ctx.incoming.receivedAt.getTime());
      save(ctx, next);
      return { kind: "text", text: promptOf(next) };
    },
  };
}

const save = (ctx: CommandContext, draft: Draft | null) => ctx.update({ [DRAFT_KEY]: draft ?? undefined } as Partial<Session>);
const reply = (...parts: string[]): Reply => ({ kind: "text", text: parts.filter(Boolean).join("\n") });

async function continueDialogue(deps: ComplaintsDeps, ctx: CommandContext, current: Draft): Promise<Reply> {
  const out = step(current, ctx.text, ctx.incoming.receivedAt.getTime());
  const kind = COMPLAINT_KIND_LABELS[current.kind];
  switch (out.kind) {
    case "timed_out":
      save(ctx, null);
      return say("timed_out");
    case "cancelled":
      save(ctx, null);
      return say("cancelled");
    case "question": {
      // Answered as any question would be; the dialogue waits at the same step.
      save(ctx, out.draft);
      const answer = ctx.ask ? await ctx.ask(ctx.text) : undefined;
      const answerText = answer?.kind === "text" ? answer.text : "";
      return reply(answerText, text("chat.resume", { kind, prompt: promptOf(out.draft) }));
    }
    case "need_phone": {
      const phone = await boundPhoneOf(deps.app, "userId" in ownerOf(ctx) ? { userId: ctx.incoming.userId } : { oaOpenid: ctx.incoming.userId });
      const next: Draft = phone ? { ...out.draft, phone, boundPhone: true, step: "confirm" } : { ...out.draft, step: "phone" };
      save(ctx, next);
      return reply(promptOf(next));
    }
    case "file":
      return file(deps, ctx, out.draft);
    case "prompt":
      save(ctx, out.draft);
      if (out.notice === "help") return reply(text("chat.help", { kind, prompt: promptOf(out.draft) }));
      // "too short" and "not a phone number" say what the step needs themselves.
      return reply(out.notice ? text(`chat.${out.notice}`) : promptOf(out.draft));
  }
}

async function file(deps: ComplaintsDeps, ctx: CommandContext, d: Draft): Promise<Reply> {
  // The draft id is the idempotency key: a double tap or a WeChat retry of this last
  // message lands on the same ticket (the ticket commits before this reply is sent).
  const { complaint } = await createComplaint(deps, {
    kind: d.kind,
    text: d.text ?? "",
    address: d.address,
    occurredText: d.occurredText,
    channel: ctx.incoming.channel === "miniprogram" ? "miniprogram" : ctx.incoming.channel === "wechat" ? "wechat" : "api",
    ...ownerOf(ctx),
    contactConsent: Boolean(d.consent && d.phone),
    contactPhone: d.consent ? d.phone : undefined,
    idempotencyKey: `chat:${d.id}`,
  });
  save(ctx, null);
  return say("accepted", { kind: COMPLAINT_KIND_LABELS[d.kind], ticketNo: complaint.ticketNo });
}
