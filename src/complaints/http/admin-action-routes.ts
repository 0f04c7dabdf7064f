import type Router from "@koa/router";
import { z, type ZodType } from "zod";
import { defineRoute } from "../../http/openapi";
import { adminGuard, staffActor, staffDepartmentScope } from "../../staff";
import { assertComplaintInDepartment } from "../workflow/assert-in-department";
import type { AppContext } from "../../platform/context";
import type { ComplaintsDeps } from "../deps";
import { presentStaffComplaint } from "../presenters";
import { appealRating } from "../rating/appeal-rating";
import { decideAppeal } from "../rating/decide-appeal";
import { rateComplaint } from "../rating/rate-complaint";
import { recheckRectification } from "../rating/recheck-rectification";
import { SATISFACTION_LEVELS } from "../types";
import { closeComplaint } from "../workflow/close-complaint";
import { reopenComplaint } from "../workflow/reopen-complaint";
import { visitComplaint } from "../workflow/visit-complaint";
import type { Complaint } from "../workflow/db";
import { decideExtension } from "../workflow/decide-extension";
import { dispatchComplaint } from "../workflow/dispatch-complaint";
import { markPublicInterest } from "../workflow/mark-public-interest";
import { mergeComplaints } from "../workflow/merge-complaints";
import { progressComplaint } from "../workflow/progress-complaint";
import { replyComplaint } from "../workflow/reply-complaint";
import { requestExtension } from "../workflow/request-extension";
import { returnComplaint } from "../workflow/return-complaint";
import { signComplaint } from "../workflow/sign-complaint";
import { refParams } from "./schemas";

type Run<B> = (deps: ComplaintsDeps, ref: string, body: B, actor: string) => Promise<Complaint>;
export interface Action<B> {
  path: string;
  summary: string;
  body: ZodType<B>;
  run: Run<B>;
}
const action = <B>(path: string, summary: string, body: ZodType<B>, run: Run<B>): Action<B> => ({ path, summary, body, run });

const note = z.string().trim().min(1).max(2000);
const empty = z.object({}).optional().transform(() => ({}));

/** Every staff move on a ticket: POST /api/v1/admin/complaints/:ref/<action>, one operation each. */
export const ACTIONS = [
  action("dispatch", "派单 to a department", z.object({ department: z.string().trim().min(2).max(100), departmentId: z.uuid().optional(), note: z.string().max(500).optional() }), (d, ref, b, actor) => dispatchComplaint(d, { ref, ...b, actor })),
  action("sign", "签收", empty, (d, ref, _b, actor) => signComplaint(d, { ref, actor })),
  action("return", "退回 (not ours), with a reason, within the return window", z.object({ reason: note }), (d, ref, b, actor) => returnComplaint(d, { ref, ...b, actor })),
  action("progress", "办理中 / a progress note", z.object({ note }), (d, ref, b, actor) => progressComplaint(d, { ref, ...b, actor })),
  action("extension", "申请延期 (once, within the cap)", z.object({ workdays: z.number().int(), reason: note }), (d, ref, b, actor) => requestExtension(d, { ref, ...b, actor })),
  action("extension/decision", "延期审批", z.object({ approve: z.boolean(), note: z.string().max(500).optional() }), (d, ref, b, actor) => decideExtension(d, { ref, ...b, actor })),
  action("reply", "答复 (sent to the citizen)", z.object({ replyText: note }), (d, ref, b, actor) => replyComplaint(d, { ref, ...b, actor })),
  action("visit", "回访", z.object({ note }), (d, ref, b, actor) => visitComplaint(d, { ref, ...b, actor })),
  action("rating", "Record the citizen's rating given by phone (回访)", z.object({ satisfaction: z.enum(SATISFACTION_LEVELS), comment: z.string().max(500).optional() }), (d, ref, b) => rateComplaint(d, { ref, ...b, via: "staff" })),
  action("close", "办结", z.object({ note: z.string().max(500).optional() }).optional().transform((b) => b ?? {}), (d, ref, b, actor) => closeComplaint(d, { ref, ...b, actor })),
  action("reopen", "重办", z.object({ reason: note }), (d, ref, b, actor) => reopenComplaint(d, { ref, ...b, actor })),
  action("merge", "合并 into another open ticket", z.object({ intoTicketNo: z.string().min(1).max(40) }), (d, ref, b, actor) => mergeComplaints(d, { ref, intoRef: b.intoTicketNo, actor })),
  action("rectification/recheck", "整改复核", z.object({ passed: z.boolean(), note }), (d, ref, b, actor) => recheckRectification(d, { ref, ...b, actor })),
  action("appeal", "Department appeals a mistaken rating", z.object({ reason: note }), (d, ref, b, actor) => appealRating(d, { ref, ...b, actor })),
  action("appeal/decision", "Staff decide an appeal", z.object({ upheld: z.boolean(), note }), (d, ref, b, actor) => decideAppeal(d, { ref, ...b, actor })),
  action("publish", "Mark of public interest (published when the citizen consented)", z.object({ publicInterest: z.boolean() }), (d, ref, b) => markPublicInterest(d, { ref, ...b })),
] as Action<unknown>[];

export function adminActionRoutes(router: Router, app: AppContext, deps: () => ComplaintsDeps): void {
  const staff = adminGuard();
  for (const a of ACTIONS) {
    defineRoute(router, {
      method: "post",
      path: `/api/v1/admin/complaints/:ref/${a.path}`,
      summary: a.summary,
      tags: ["complaints (staff)"],
      security: ["admin"],
      before: [staff],
      params: refParams,
      body: a.body,
      handler: async ({ params, body }, c) => {
        await assertComplaintInDepartment(deps(), params.ref, staffDepartmentScope(c));
        return presentStaffComplaint(app, await a.run(deps(), params.ref, body, staffActor(c)));
      },
    });
  }
}
