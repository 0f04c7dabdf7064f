import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffComplaintView } from "../../src/complaints";
import { actOnComplaint } from "../../src/console/complaints/act-on-complaint";
import { getStaffComplaint } from "../../src/console/complaints/get-staff-complaint";
import { listComplaintQueue } from "../../src/console/complaints/list-complaint-queue";
import { offeredActions } from "../../src/console/complaints/offered-actions";
import { isAppError } from "../../src/platform/errors";
import { startComplaints, type Harness } from "../complaints/helpers";

const ticket = (o: Partial<StaffComplaintView>): StaffComplaintView =>
  ({ ticketNo: "QH20261102000001", status: "accepted", department: null, departmentId: null, satisfaction: null, rectification: "none", appeal: "none", ...o }) as StaffComplaintView;

const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => (isAppError(e) ? [e.publicCode, e.status] : e));

describe("complaint moves offered on the console", () => {
  it("offers what the ticket's next statuses allow, not a new dispatch of a reopened ticket nor a reply before dispatch", () => {
    expect(offeredActions(ticket({ status: "accepted" }), ["dispatched", "merged", "replied"])).toEqual(["dispatch", "merge"]);
    expect(offeredActions(ticket({ status: "reopened" }), ["dispatched", "signed", "replied"])).toEqual(["sign", "reply"]);
    // While an extension waits for its decision: the decision, and no further progress note.
    expect(offeredActions(ticket({ status: "extension_requested" }), ["in_progress", "extension_approved"])).toEqual(["extension/decision"]);
    expect(offeredActions(ticket({ status: "in_progress" }), ["extension_requested", "replied"])).toEqual(["progress", "extension", "reply"]);
  });

  it("offers an appeal after a negative rating only, once, and the recheck of an open rectification", () => {
    const rated = (satisfaction: string, appeal = "none") => offeredActions(ticket({ status: "rated", satisfaction, appeal, rectification: "open" }), []);
    expect(rated("不满意")).toEqual(["rectification/recheck", "appeal"]);
    expect(rated("非常不满意")).toContain("appeal");
    expect(rated("基本满意")).toEqual(["rectification/recheck"]);
    expect(rated("不满意", "pending")).toEqual(["rectification/recheck", "appeal/decision"]);
  });

});

/** The console's operations over the real complaints capability (its desk, a real database). */
describe("complaint moves and queues on real tickets", () => {
  let h: Harness;
  let ours: string;
  let theirs: string;
  beforeAll(async () => {
    h = await startComplaints("pglite");
    ours = await h.fileFromMiniProgram({ text: "小区门口的路灯坏了一个多月没人修" });
    theirs = await h.fileFromMiniProgram({ text: "村口的桥栏杆断了很危险" });
    await h.cap.desk.act("dispatch", ours, { department: "住建局" }, "test");
    await h.cap.desk.act("dispatch", theirs, { department: "交通局" }, "test");
  });
  afterAll(() => h.service.stop());

  it("shows a handler only the moves their role may make", async () => {
    const desk = h.cap.desk;
    const asHandler = await getStaffComplaint({ desk, ref: ours, role: "handler", onlyDepartment: "住建局" });
    expect(asHandler.actions).toEqual(["sign", "return"]);
    const asDispatcher = await getStaffComplaint({ desk, ref: ours, role: "dispatcher", onlyDepartment: undefined });
    expect(asDispatcher.actions).not.toContain("sign");
  });

  it("refuses a move the role may not make, and another department's ticket as a missing one, before the desk acts", async () => {
    const act = (ref: string, role: "handler" | "dispatcher", action: string, onlyDepartment?: string) =>
      actOnComplaint({ desk: h.cap.desk, ref, action, body: {}, role, onlyDepartment, actor: "u" });
    expect(await refusal(act(ours, "dispatcher", "sign"))).toEqual(["complaint_action_not_for_role", 403]);
    expect(await refusal(act(theirs, "handler", "sign", "住建局"))).toEqual(["ticket_outside_department", 404]);
    expect((await h.cap.desk.get(theirs)).status).toBe("dispatched");
    expect(await act(ours, "handler", "sign", "住建局")).toBe(ours);
    expect((await h.cap.desk.get(ours)).status).toBe("signed");
  });

  it("opens each role's usual queue, within the handler's department", async () => {
    const handler = await listComplaintQueue({ desk: h.cap.desk, role: "handler", onlyDepartment: "交通局" });
    expect([handler.queue, handler.queues, handler.canSupervise]).toEqual(["sign", ["sign", "handling", "overdue", "all"], false]);
    expect(handler.items.map((t) => t.ticketNo)).toEqual([theirs]);
    const supervisor = await listComplaintQueue({ desk: h.cap.desk, role: "supervisor", onlyDepartment: undefined });
    expect([supervisor.queue, supervisor.canSupervise]).toEqual(["overdue", true]);
  });

  it("lists 办理中 as the tickets a department holds and works on", async () => {
    const q = await listComplaintQueue({ desk: h.cap.desk, role: "administrator", queue: "handling", onlyDepartment: undefined });
    expect(q.items.map((t) => t.ticketNo)).toEqual([ours]); // signed; the other is only dispatched
  });
});
