import crypto from "node:crypto";
import type { ChatCommand, CommandContext, Reply, Session } from "../chat";
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "./complaint-status";
import type { ComplaintsDeps } from "./deps";
import { findOwnComplaint, type ComplaintOwner } from "./citizen/find-own-complaint";
import { createComplaint } from "./intake/create-complaint";
import { rateComplaint } from "./rating/rate-complaint";
import { text } from "./text";
import { COMPLAINT_KIND_LABELS, isNegative, SATISFACTION_LEVELS, type ComplaintKind, type Satisfaction } from "./types";
import { isAppError } from "../platform/errors";

/**
 * The guided complaint dialogue (what → where → when → contact consent → ticket number) and
 * "评价 <工单号> <等级>" / "工单 <工单号>" for chat channels. The draft lives in the chat
 * session (the chat's KeyValueStore, sliding 30 minutes) under `complaintDraft`, a key the
 * chat capability does not know but persists as part of the session JSON.
 */
interface Draft {
  id: string;
  kind: ComplaintKind;
  step: "what" | "where" | "when" | "consent";
  text?: string;
  address?: string;
  occurredText?: string;
}
type WithDraft = Session & { complaintDraft?: Draft | null };

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
const RATE = /^评价\s*(QH\d{14})\s*(.*)$/i;
const STATUS = /^(工单|查询工单|进度)\s*(QH\d{14})$/i;
const UNKNOWN = /^(不清楚|不知道|无|没有|不记得|跳过)$/;
const say = (id: string, vars?: Record<string, string | number>): Reply => ({ kind: "text", text: text(`chat.${id}`, vars) });

export function complaintChatCommand(deps: () => ComplaintsDeps): ChatCommand {
  return {
    name: "complaint",
    // Filing, status and rating act for the person writing: chat lets only a verified sender
    // (signed Official Account message, mini-program session) reach handle.
    personal: true,
    match: (t, session) => Boolean((session as WithDraft).complaintDraft) || parseStart(t) !== undefined || RATE.test(t) || STATUS.test(t),
    handle: async (ctx) => {
      const draft = (ctx.session as WithDraft).complaintDraft;
      if (draft) return continueDialogue(deps(), ctx, draft);
      const rate = RATE.exec(ctx.text);
      if (rate) return rateFromChat(deps(), ctx, rate[1]!, rate[2]!.trim());
      const status = STATUS.exec(ctx.text);
      if (status) return statusFromChat(deps(), ctx, status[2]!);
      const { word, rest } = parseStart(ctx.text)!;
      const next: Draft = { id: crypto.randomUUID(), kind: KIND_OF[word] ?? "complaint", step: rest.length >= 5 ? "where" : "what", ...(rest.length >= 5 ? { text: rest } : {}) };
      save(ctx, next);
      return say(next.step === "where" ? "ask_where" : "ask_what");
    },
  };
}

const save = (ctx: CommandContext, draft: Draft | null) => ctx.update({ complaintDraft: draft } as Partial<Session>);

async function continueDialogue(deps: ComplaintsDeps, ctx: CommandContext, d: Draft): Promise<Reply> {
  const t = ctx.text;
  if (/^(取消|算了|退出)$/.test(t)) {
    save(ctx, null);
    return say("cancelled");
  }
  switch (d.step) {
    case "what":
      if ([...t].length < 5) return say("ask_what_again");
      save(ctx, { ...d, text: t, step: "where" });
      return say("ask_where");
    case "where":
      save(ctx, { ...d, ...(UNKNOWN.test(t) ? {} : { address: t.slice(0, 200) }), step: "when" });
      return say("ask_when");
    case "when":
      save(ctx, { ...d, ...(UNKNOWN.test(t) ? {} : { occurredText: t.slice(0, 100) }), step: "consent" });
      return say("ask_consent");
    case "consent":
      return finish(deps, ctx, d, t);
  }
}

async function finish(deps: ComplaintsDeps, ctx: CommandContext, d: Draft, answer: string): Promise<Reply> {
  const phone = /(?<!\d)1[3-9]\d{9}(?!\d)/.exec(answer)?.[0];
  const consent = Boolean(phone) || /^(是|同意|可以|好|行|嗯|yes|y)$/i.test(answer);
  if (!consent && !/^(否|不同意|不|不用|no|n)$/i.test(answer)) return say("ask_consent");
  // The draft id is the idempotency key: a double tap or a WeChat retry of this last
  // message lands on the same ticket (the ticket commits before this reply is sent).
  const { complaint } = await createComplaint(deps, {
    kind: d.kind,
    text: d.text ?? "",
    address: d.address,
    occurredText: d.occurredText,
    channel: ctx.incoming.channel === "miniprogram" ? "miniprogram" : ctx.incoming.channel === "wechat" ? "wechat" : "api",
    ...owner(ctx),
    contactConsent: consent,
    contactPhone: phone,
    idempotencyKey: `chat:${d.id}`,
  });
  save(ctx, null);
  return say("accepted", { kind: COMPLAINT_KIND_LABELS[d.kind], ticketNo: complaint.ticketNo });
}

/**
 * Who files and owns a ticket from chat: the Official Account's openid, or the mini-program's
 * user id (as /api/v1/mp/complaints stores it, so the ticket is listed and notified there too).
 */
const owner = (ctx: CommandContext): ComplaintOwner =>
  ctx.incoming.channel === "miniprogram" ? { userId: ctx.incoming.userId } : { openid: ctx.incoming.userId };

async function statusFromChat(deps: ComplaintsDeps, ctx: CommandContext, ticketNo: string): Promise<Reply> {
  const c = await findOwnComplaint(deps, { ticketNo, owner: owner(ctx) });
  if (!c) return say("not_found", { ticketNo });
  const detail = c.replyText ? text("chat.status_reply", { reply: c.replyText }) : text("chat.status_none");
  return say("status", { ticketNo: c.ticketNo, status: COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus], detail });
}

async function rateFromChat(deps: ComplaintsDeps, ctx: CommandContext, ticketNo: string, level: string): Promise<Reply> {
  const satisfaction = /^[1-5]$/.test(level) ? SATISFACTION_LEVELS[5 - Number(level)] : SATISFACTION_LEVELS.find((s) => s === level);
  if (!satisfaction) return say("rate_usage");
  const c = await findOwnComplaint(deps, { ticketNo, owner: owner(ctx) });
  if (!c) return say("not_found", { ticketNo });
  try {
    await rateComplaint(deps, { ref: c.id, satisfaction: satisfaction as Satisfaction, via: ctx.incoming.channel });
  } catch (e) {
    if (isAppError(e)) return say("rate_refused", { reason: e.message });
    throw e;
  }
  return say(isNegative(satisfaction) ? "rated_negative" : "rated", { satisfaction });
}
