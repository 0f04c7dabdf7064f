import { describe, expect, it } from "vitest";
import type { ComplaintDesk, StaffComplaintView } from "../../src/complaints";
import { actOnComplaint } from "../../src/console/complaints/act-on-complaint";
import { getStaffComplaint } from "../../src/console/complaints/get-staff-complaint";
import { listComplaintQueue } from "../../src/console/complaints/list-complaint-queue";
import { offeredActions } from "../../src/console/complaints/offered-actions";
import { isAppError } from "../../src/platform/errors";

const ticket = (o: Partial<StaffComplaintView>): StaffComplaintView =>
  ({ ticketNo: "QH20261102000001", status: "accepted", department: null, departmentId: null, satisfaction: null, rectification: "none", appeal: "none", ...o }) as StaffComplaintView;

/** A desk over fixed tickets that records what the console asked of it. */
function fakeDesk(tickets: StaffComplaintView[], next: readonly string[] = []) {
  const calls = { list: [] as unknown[], act: [] as unknown[] };
  const desk = {
    list: async (o: unknown) => (calls.list.push(o), tickets),
    get: async (ref: string) => tickets.find((t) => t.ticketNo === ref) ?? Promise.reject(new Error(`no ${ref}`)),
    act: async (...a: unknown[]) => (calls.act.push(a), tickets[0]!),
    nextStatuses: () => next,
    statusLabels: {},
  } as unknown as ComplaintDesk;
  return { desk, calls };
}

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

  it("shows a handler only the moves their role may make", async () => {
    const { desk } = fakeDesk([ticket({ status: "dispatched", department: "住建局" })], ["signed", "returned", "dispatched"]);
    const asHandler = await getStaffComplaint({ desk, ref: "QH20261102000001", role: "handler", onlyDepartment: "住建局" });
    expect(asHandler.actions).toEqual(["sign", "return"]);
    expect((await getStaffComplaint({ desk, ref: "QH20261102000001", role: "dispatcher", onlyDepartment: undefined })).actions).toEqual(["dispatch"]);
  });

  it("refuses a move the role may not make, and another department's ticket as a missing one, before the desk acts", async () => {
    const { desk, calls } = fakeDesk([ticket({ status: "dispatched", department: "住建局", departmentId: "D-1" })]);
    const act = (role: "handler" | "dispatcher", action: string, onlyDepartment?: string) =>
      actOnComplaint({ desk, ref: "QH20261102000001", action, body: {}, role, onlyDepartment, actor: "u" });
    expect(await refusal(act("dispatcher", "sign"))).toEqual(["complaint_action_not_for_role", 403]);
    expect(await refusal(act("handler", "sign", "交通局"))).toEqual(["ticket_outside_department", 404]);
    expect(calls.act).toEqual([]);
    // The department by its catalog id counts as the same department.
    expect(await act("handler", "sign", "D-1")).toBe("QH20261102000001");
    expect(calls.act).toEqual([["sign", "QH20261102000001", {}, "u"]]);
  });
});

describe("complaint queues", () => {
  it("opens each role's usual queue and asks the desk for it within the handler's department", async () => {
    const { desk, calls } = fakeDesk([]);
    const handler = await listComplaintQueue({ desk, role: "handler", onlyDepartment: "住建局" });
    expect([handler.queue, handler.queues, handler.canSupervise]).toEqual(["sign", ["sign", "handling", "overdue", "all"], false]);
    const supervisor = await listComplaintQueue({ desk, role: "supervisor", onlyDepartment: undefined });
    expect([supervisor.queue, supervisor.canSupervise]).toEqual(["overdue", true]);
    await listComplaintQueue({ desk, role: "dispatcher", queue: "dispatch", onlyDepartment: undefined });
    expect(calls.list).toEqual([
      { status: "dispatched", onlyDepartment: "住建局", limit: 200 },
      { overdue: true, onlyDepartment: undefined, limit: 200 },
      { queue: "dispatcher", onlyDepartment: undefined, limit: 200 },
    ]);
  });

  it("lists 办理中 as the tickets a department holds and works on", async () => {
    const statuses = ["accepted", "dispatched", "signed", "in_progress", "extension_requested", "replied", "reopened"];
    const { desk } = fakeDesk(statuses.map((status, i) => ticket({ ticketNo: String(i), status })));
    const q = await listComplaintQueue({ desk, role: "administrator", queue: "handling", onlyDepartment: undefined });
    expect(q.items.map((t) => t.status)).toEqual(["signed", "in_progress", "extension_requested", "reopened"]);
  });
});
