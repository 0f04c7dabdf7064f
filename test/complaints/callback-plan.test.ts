import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES, canTransition } from "../../src/complaints/complaint-status";
import { planCallback } from "../../src/complaints/outbox/callback-plan";

describe("what a 12345 status callback does to a ticket", () => {
  it("progress: 已派单 is signed then handled, 已签收 and 重办 are handled, 办理中 or later only get a note", () => {
    expect(planCallback("dispatched", "progress")).toEqual({ outcome: "applied", moves: ["signed", "in_progress"] });
    expect(planCallback("signed", "progress")).toEqual({ outcome: "applied", moves: ["in_progress"] });
    expect(planCallback("reopened", "progress")).toEqual({ outcome: "applied", moves: ["in_progress"] });
    for (const s of ["in_progress", "extension_requested", "extension_approved", "replied", "visited", "rated", "closed"] as const) {
      expect(planCallback(s, "progress")).toEqual({ outcome: "noted" });
    }
    // Not with a department (the dispatcher has it) or merged away: nothing to report progress on.
    for (const s of ["accepted", "returned", "merged"] as const) expect(planCallback(s, "progress")).toMatchObject({ outcome: "ignored", reason: expect.stringContaining("办理中") });
  });

  it("replied and closed apply exactly where the state machine allows the move, and say why not elsewhere", () => {
    for (const from of COMPLAINT_STATUSES) {
      for (const status of ["replied", "closed"] as const) {
        const plan = planCallback(from, status);
        if (canTransition(from, status)) expect(plan).toEqual({ outcome: "applied", moves: [status] });
        else expect(plan).toMatchObject({ outcome: "ignored", reason: expect.any(String) });
      }
    }
    expect(planCallback("closed", "closed")).toEqual({ outcome: "ignored", reason: "工单已是“已办结”" });
    expect(planCallback("signed", "replied")).toEqual({ outcome: "ignored", reason: expect.stringContaining("不能从“已签收”变更为“已答复”") });
  });
});
