import type Router from "@koa/router";
import type { Context } from "koa";
import type { ComplaintDesk, StaffComplaintView } from "../../complaints";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { ADMIN_POLICY, staffActor, staffDepartmentScope, staffOf, type Role } from "../../staff";
import { T } from "../text";
import { complaintDetailPage, type ComplaintAction } from "../views/complaint-detail";
import { complaintListPage, QUEUES, type Queue } from "../views/complaint-list";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { complaintQueueQuery, complaintRefParam, parse } from "./schemas";

const READ: Role[] = ["administrator", "dispatcher", "handler", "supervisor"];
const HANDLING = new Set(["signed", "in_progress", "extension_requested", "extension_approved", "reopened"]);

/** Which queues each role works from (handlers: their department's tickets only). */
const QUEUES_OF: Record<string, readonly Queue[]> = {
  administrator: QUEUES,
  dispatcher: ["dispatch", "handling", "overdue", "all"],
  handler: ["sign", "handling", "overdue", "all"],
  supervisor: ["overdue", "dispatch", "handling", "all"],
};

/** The admin API's own policy decides who may make a move here too: one table for both doors. */
const mayAct = (role: Role, action: string) => ADMIN_POLICY[`POST /api/v1/admin/complaints/:ref/${action}`]?.roles.includes(role) ?? false;

/** A move is offered when the ticket's state allows it (the operations check again). */
function offered(c: StaffComplaintView, next: readonly string[]): ComplaintAction[] {
  const out: ComplaintAction[] = [];
  const can = (s: string) => next.includes(s);
  if (can("dispatched") && c.status !== "reopened") out.push("dispatch");
  if (can("merged")) out.push("merge");
  if (can("signed")) out.push("sign");
  if (can("returned")) out.push("return");
  if (can("in_progress") && c.status !== "extension_requested") out.push("progress");
  if (c.status === "in_progress") out.push("progress");
  if (can("extension_requested")) out.push("extension");
  if (c.status === "extension_requested") out.push("extension/decision");
  if (can("replied") && !["accepted", "returned"].includes(c.status)) out.push("reply");
  if (can("visited")) out.push("visit");
  if (can("rated")) out.push("rating");
  if (can("closed")) out.push("close");
  if (can("reopened")) out.push("reopen");
  if (c.rectification === "open") out.push("rectification/recheck");
  if (c.satisfaction && ["不满意", "非常不满意"].includes(c.satisfaction) && c.appeal === "none") out.push("appeal");
  if (c.appeal === "pending") out.push("appeal/decision");
  return [...new Set(out)];
}

/** Form strings → the body the admin API takes for that move. */
function bodyOf(form: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    if (k === "_csrf" || v.trim() === "") continue;
    if (["approve", "passed", "upheld"].includes(k)) body[k] = v === "true";
    else if (k === "workdays") body[k] = /^\d+$/.test(v.trim()) ? Number(v) : v;
    else body[k] = v;
  }
  return body;
}

/** Complaints: queues per role with countdowns, one ticket, and every move of the 12345 workflow. */
export function complaintRoutes(router: Router, app: AppContext, desk: ComplaintDesk): void {
  /** The ticket, unless it belongs to another department than a handler's own: then it does not exist for them. */
  async function ticketFor(c: Context, ref: string): Promise<StaffComplaintView> {
    const scope = staffDepartmentScope(c);
    const t = await desk.get(ref);
    if (scope !== undefined && t.department !== scope && t.departmentId !== scope) throw new AppError("not_found", T("complaints.not_found", { ref }));
    return t;
  }

  router.get("/admin/complaints", page(READ, async (c) => {
    const role = staffOf(c).role;
    const queues = QUEUES_OF[role] ?? ["all"];
    const queue = parse(complaintQueueQuery, c.query).queue ?? queues[0]!;
    // A handler's department, even an empty one (an account without a department sees nothing).
    const base = { onlyDepartment: staffDepartmentScope(c), limit: 200 };
    let items =
      queue === "dispatch" ? await desk.list({ ...base, queue: "dispatcher" })
      : queue === "overdue" ? await desk.list({ ...base, overdue: true })
      : queue === "sign" ? await desk.list({ ...base, status: "dispatched" })
      : await desk.list(base);
    if (queue === "handling") items = items.filter((t) => HANDLING.has(t.status));
    const canSupervise = ADMIN_POLICY["POST /api/v1/admin/complaints/supervision/run"]?.roles.includes(role) ?? false;
    send(c, complaintListPage({ viewer: viewerOf(c), queue, queues, items, now: app.now(), canSupervise, flash: flashOf(c, T) }));
  }));

  router.post("/admin/complaints/supervise", page(["administrator", "supervisor"], async (c) => {
    await desk.supervise();
    done(c, "/admin/complaints?queue=overdue", "supervised");
  }));

  router.get("/admin/complaints/:ref", page(READ, async (c) => {
    const { ref } = parse(complaintRefParam, c.params);
    const t = await ticketFor(c, ref);
    const role = staffOf(c).role;
    const actions = offered(t, desk.nextStatuses(t.status)).filter((a) => mayAct(role, a));
    send(c, complaintDetailPage({ viewer: viewerOf(c), c: t, actions, now: app.now(), statusLabels: desk.statusLabels, flash: flashOf(c, T) }));
  }));

  // One route per move shape: "sign", and two-part ones such as "extension/decision".
  const act = page(READ, async (c) => {
    const { ref } = parse(complaintRefParam, c.params);
    const action = [c.params.action, c.params.sub].filter(Boolean).join("/");
    if (!mayAct(staffOf(c).role, action)) throw new AppError("forbidden", T("complaints.not_yours"));
    const t = await ticketFor(c, ref);
    await desk.act(action, t.ticketNo, bodyOf(formOf(c)), staffActor(c));
    done(c, `/admin/complaints/${t.ticketNo}`, "acted");
  });
  router.post("/admin/complaints/:ref/:action", act);
  router.post("/admin/complaints/:ref/:action/:sub", act);
}
