import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES, canTransition, type ComplaintStatus } from "../../src/complaints/complaint-status";
import { planCallback } from "../../src/complaints/outbox/callback-plan";

/**
 * The rules, written out per status rather than derived from the state machine: the platform's
 * events arrive out of order and some never arrive (a reply with no progress before it), so a
 * reply or close on a ticket that has not got that far makes the staff moves in between.
 * Only what is stale or already done is ignored.
 */
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

  it("replied: a ticket not yet answered is brought to 已答复 with the moves it still lacks", () => {
    const expected: Partial<Record<ComplaintStatus, ComplaintStatus[]>> = {
      // The hotline still holds it: answered directly, as staff may.
      accepted: ["replied"],
      returned: ["replied"],
      // With the department: a reply with no progress before it (or overtaking it) is not lost.
      dispatched: ["signed", "in_progress", "replied"],
      signed: ["in_progress", "replied"],
      reopened: ["in_progress", "replied"],
      in_progress: ["replied"],
      // An answer makes the pending extension request moot.
      extension_requested: ["in_progress", "replied"],
      extension_approved: ["replied"],
    };
    for (const [from, moves] of Object.entries(expected)) expect(planCallback(from as ComplaintStatus, "replied", { hasReply: true })).toEqual({ outcome: "applied", moves });
  });

  it("replied: a second reply on an answered or finished ticket, or on a merged one, is ignored with the reason", () => {
    expect(planCallback("replied", "replied", { hasReply: true })).toEqual({ outcome: "ignored", reason: "工单已是“已答复”" });
    expect(planCallback("visited", "replied", { hasReply: true })).toEqual({ outcome: "ignored", reason: "工单已答复过（当前“已回访”）" });
    expect(planCallback("rated", "replied", { hasReply: true })).toEqual({ outcome: "ignored", reason: "工单已答复过（当前“已评价”）" });
    expect(planCallback("closed", "replied", { hasReply: true })).toEqual({ outcome: "ignored", reason: "工单已答复过（当前“已办结”）" });
    expect(planCallback("merged", "replied", { hasReply: true })).toEqual({ outcome: "ignored", reason: expect.stringContaining("“已合并”是终结状态") });
  });

  it("closed: an answered ticket is closed; one not yet answered is answered on the way when the callback carries the reply", () => {
    for (const from of ["replied", "visited", "rated"] as const) expect(planCallback(from, "closed")).toEqual({ outcome: "applied", moves: ["closed"] });
    expect(planCallback("dispatched", "closed", { hasReply: true })).toEqual({ outcome: "applied", moves: ["signed", "in_progress", "replied", "closed"] });
    expect(planCallback("in_progress", "closed", { hasReply: true })).toEqual({ outcome: "applied", moves: ["replied", "closed"] });
    // No answer to give the citizen: not closed unanswered, kept on the timeline for staff.
    expect(planCallback("dispatched", "closed")).toEqual({ outcome: "ignored", reason: "工单尚未答复（当前“已派单”），办结回调未附答复内容（replyText），不能变更为“已办结”" });
    expect(planCallback("closed", "closed")).toEqual({ outcome: "ignored", reason: "工单已是“已办结”" });
    expect(planCallback("merged", "closed", { hasReply: true })).toMatchObject({ outcome: "ignored", reason: expect.stringContaining("终结状态") });
  });

  it("every applied plan is a path the state machine allows, step by step", () => {
    for (const from of COMPLAINT_STATUSES) {
      for (const status of ["progress", "replied", "closed"] as const) {
        const plan = planCallback(from, status, { hasReply: true });
        if (plan.outcome !== "applied") continue;
        let at: ComplaintStatus = from;
        for (const to of plan.moves) {
          expect(canTransition(at, to), `${from} ${status}: ${at} → ${to}`).toBe(true);
          at = to;
        }
      }
    }
  });
});
