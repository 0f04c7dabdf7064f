import type Router from "@koa/router";
import type { ComplaintDesk } from "../../complaints";
import type { AppContext } from "../../platform/context";
import { staffActor, staffDepartmentScope, staffOf, type Role } from "../../staff";
import { actOnComplaint } from "../complaints/act-on-complaint";
import { getStaffComplaint } from "../complaints/get-staff-complaint";
import { listComplaintQueue } from "../complaints/list-complaint-queue";
import { T } from "../texts";
import { complaintDetailPage } from "../views/complaint-detail";
import { complaintListPage } from "../views/complaint-list";
import { done, flashOf, formOf, page, send, viewerOf } from "./page";
import { complaintActionForm, complaintActionParams, complaintQueueQuery, complaintRefParam, parse } from "./schemas";

const READ: Role[] = ["administrator", "dispatcher", "handler", "supervisor"];

/** Complaints: queues per role with countdowns, one ticket, and every move of the 12345 workflow. */
export function complaintRoutes(router: Router, app: AppContext, desk: ComplaintDesk): void {
  router.get("/admin/complaints", page(READ, async (c) => {
    const { queue } = parse(complaintQueueQuery, c.query);
    const q = await listComplaintQueue({ desk, role: staffOf(c).role, queue, onlyDepartment: staffDepartmentScope(c) });
    send(c, complaintListPage({ viewer: viewerOf(c), ...q, now: app.now(), flash: flashOf(c, T) }));
  }));

  router.post("/admin/complaints/supervise", page(["administrator", "supervisor"], async (c) => {
    await desk.supervise();
    done(c, "/admin/complaints?queue=overdue", "supervised");
  }));

  router.get("/admin/complaints/:ref", page(READ, async (c) => {
    const { ref } = parse(complaintRefParam, c.params);
    const { ticket, actions } = await getStaffComplaint({ desk, ref, role: staffOf(c).role, onlyDepartment: staffDepartmentScope(c) });
    send(c, complaintDetailPage({ viewer: viewerOf(c), c: ticket, actions, now: app.now(), statusLabels: desk.statusLabels, flash: flashOf(c, T) }));
  }));

  // One route per move shape: "sign", and two-part ones such as "extension/decision".
  const act = page(READ, async (c) => {
    const { ref, action } = parse(complaintActionParams, c.params);
    const body = parse(complaintActionForm, formOf(c));
    const ticketNo = await actOnComplaint({ desk, ref, action, body, role: staffOf(c).role, onlyDepartment: staffDepartmentScope(c), actor: staffActor(c) });
    done(c, `/admin/complaints/${ticketNo}`, "acted");
  });
  router.post("/admin/complaints/:ref/:action", act);
  router.post("/admin/complaints/:ref/:action/:sub", act);
}
