import type { ZodType } from "zod";
import type { ComplaintsDeps } from "../deps";
import { appealRating } from "../rating/appeal-rating";
import { decideAppeal } from "../rating/decide-appeal";
import { rateComplaint } from "../rating/rate-complaint";
import { recheckRectification } from "../rating/recheck-rectification";
import * as body from "./action-bodies";
import { closeComplaint } from "./close-complaint";
import type { Complaint } from "./db";
import { decideExtension } from "./decide-extension";
import { dispatchComplaint } from "./dispatch-complaint";
import { markPublicInterest } from "./mark-public-interest";
import { mergeComplaints } from "./merge-complaints";
import { progressComplaint } from "./progress-complaint";
import { reopenComplaint } from "./reopen-complaint";
import { replyComplaint } from "./reply-complaint";
import { requestExtension } from "./request-extension";
import { returnComplaint } from "./return-complaint";
import { signComplaint } from "./sign-complaint";
import { visitComplaint } from "./visit-complaint";

type Run<B> = (deps: ComplaintsDeps, ref: string, body: B, actor: string) => Promise<Complaint>;

/** One staff move on a ticket: its name (the admin API's path segment), what it is, its body and its operation. */
export interface DeskAction<B = unknown> {
  name: string;
  summary: string;
  body: ZodType<B>;
  run: Run<B>;
}
const action = <B>(name: string, summary: string, schema: ZodType<B>, run: Run<B>): DeskAction<B> => ({ name, summary, body: schema, run });

/** Every staff move on a ticket, one operation each (act-on-complaint.ts runs them). */
export const DESK_ACTIONS = [
  action("dispatch", "派单 to a department", body.dispatchBody, (d, ref, b, actor) => dispatchComplaint(d, { ref, ...b, actor })),
  action("sign", "签收", body.signBody, (d, ref, _b, actor) => signComplaint(d, { ref, actor })),
  action("return", "退回 (not ours), with a reason, within the return window", body.reasonBody, (d, ref, b, actor) => returnComplaint(d, { ref, ...b, actor })),
  action("progress", "办理中 / a progress note", body.noteBody, (d, ref, b, actor) => progressComplaint(d, { ref, ...b, actor })),
  action("extension", "申请延期 (once, within the cap)", body.extensionBody, (d, ref, b, actor) => requestExtension(d, { ref, ...b, actor })),
  action("extension/decision", "延期审批", body.extensionDecisionBody, (d, ref, b, actor) => decideExtension(d, { ref, ...b, actor })),
  action("reply", "答复 (sent to the citizen)", body.replyBody, (d, ref, b, actor) => replyComplaint(d, { ref, ...b, actor })),
  action("visit", "回访", body.noteBody, (d, ref, b, actor) => visitComplaint(d, { ref, ...b, actor })),
  action("rating", "Record the citizen's rating given by phone (回访)", body.staffRatingBody, (d, ref, b) => rateComplaint(d, { ref, ...b, via: "staff" })),
  action("close", "办结", body.closeBody, (d, ref, b, actor) => closeComplaint(d, { ref, ...b, actor })),
  action("reopen", "重办", body.reasonBody, (d, ref, b, actor) => reopenComplaint(d, { ref, ...b, actor })),
  action("merge", "合并 into another open ticket", body.mergeBody, (d, ref, b, actor) => mergeComplaints(d, { ref, intoRef: b.intoTicketNo, actor })),
  action("rectification/recheck", "整改复核", body.recheckBody, (d, ref, b, actor) => recheckRectification(d, { ref, ...b, actor })),
  action("appeal", "Department appeals a mistaken rating", body.reasonBody, (d, ref, b, actor) => appealRating(d, { ref, ...b, actor })),
  action("appeal/decision", "Staff decide an appeal", body.appealDecisionBody, (d, ref, b, actor) => decideAppeal(d, { ref, ...b, actor })),
  action("publish", "Mark of public interest (published when the citizen consented)", body.publishBody, (d, ref, b) => markPublicInterest(d, { ref, ...b })),
] as DeskAction[];
