import { describe, expect, it } from "vitest";
import { createCalendar } from "../../src/calendar";
import {
  DEFAULT_COMPLAINT_POLICY as policy,
  assertExtensionRequest,
  complaintDeadlines,
  overdueState,
  resolvePolicy,
} from "../../src/complaints/deadlines";
import { AppError } from "../../src/platform/errors";
import { sh } from "../calendar/fixtures";

const calendar = createCalendar();
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`);
const justAfter = (day: string) => new Date(endOf(day).getTime() + 1);

describe("working-day deadlines, counted from dispatch", () => {
  // Friday before National Day 2025: 09-28 (Sun) is a make-up workday, 10-01..10-08 off.
  const d = complaintDeadlines({ dispatchedAt: sh("2025-09-26 10:00"), urgent: false }, policy, calendar);

  it("signs within 1, returns within 2, replies within 5 working days", () => {
    expect(d.signDueAt).toEqual(endOf("2025-09-28"));
    expect(d.returnDueAt).toEqual(endOf("2025-09-29"));
    expect(d.replyDueAt).toEqual(endOf("2025-10-10"));
  });

  it("reminds at 09:00 one working day before the due day", () => {
    expect(d.reminderAt).toEqual(sh("2025-10-09 09:00"));
  });

  it("supervises from the first overdue instant and escalates two working days later (via make-up Saturday)", () => {
    expect(d.supervisionAt).toEqual(justAfter("2025-10-10"));
    expect(d.escalationAt).toEqual(justAfter("2025-10-13"));
  });

  it("adds an approved extension in working days; the 80% reminder comes first on long limits", () => {
    const x = complaintDeadlines({ dispatchedAt: sh("2025-09-26 10:00"), urgent: false, extensionWorkdays: 10 }, policy, calendar);
    expect(x.replyDueAt).toEqual(endOf("2025-10-23"));
    expect(x.reminderAt).toEqual(sh("2025-10-21 09:00"));
  });

  it("runs across Spring Festival 2026 and its make-up Saturday", () => {
    const s = complaintDeadlines({ dispatchedAt: sh("2026-02-12 15:00"), urgent: false }, policy, calendar);
    expect(s.signDueAt).toEqual(endOf("2026-02-13"));
    expect(s.returnDueAt).toEqual(endOf("2026-02-14"));
    expect(s.replyDueAt).toEqual(endOf("2026-02-26"));
  });

  it("uses the Shanghai day of the dispatch instant", () => {
    const late = complaintDeadlines({ dispatchedAt: new Date("2025-09-25T16:30:00Z"), urgent: false }, policy, calendar);
    expect(late.signDueAt).toEqual(endOf("2025-09-28"));
  });

  it("refuses to compute into 2027 before its arrangement is confirmed", () => {
    expect(() => complaintDeadlines({ dispatchedAt: sh("2026-12-28 10:00"), urgent: false }, policy, calendar)).toThrow(/2027年/);
  });
});

describe("urgent tickets run in natural hours", () => {
  const u = complaintDeadlines({ dispatchedAt: sh("2025-10-01 10:00"), urgent: true }, policy, calendar);

  it("must be answered within 24 hours, holiday or not", () => {
    expect(u.replyDueAt).toEqual(sh("2025-10-02 10:00"));
    expect(u.signDueAt).toEqual(sh("2025-10-01 12:00"));
    expect(u.reminderAt).toEqual(sh("2025-10-02 05:12"));
    expect(u.escalationAt).toEqual(new Date(sh("2025-10-02 22:00").getTime() + 1));
  });

  it("cannot be extended", () => {
    expect(() => complaintDeadlines({ dispatchedAt: sh("2025-10-01 10:00"), urgent: true, extensionWorkdays: 2 }, policy, calendar)).toThrow(
      "紧急工单不能延期",
    );
  });
});

describe("extension requests", () => {
  it("allows one extension of up to 10 working days", () => {
    expect(() => assertExtensionRequest({ workdays: 10, urgent: false, extensionsApproved: 0 }, policy)).not.toThrow();
    expect(() => assertExtensionRequest({ workdays: 3, urgent: false, extensionsApproved: 1 }, policy)).toThrow("已延期过一次");
    expect(() => assertExtensionRequest({ workdays: 11, urgent: false, extensionsApproved: 0 }, policy)).toThrow("不能超过10个工作日");
    expect(() => assertExtensionRequest({ workdays: 0, urgent: false, extensionsApproved: 0 }, policy)).toThrow(
      expect.objectContaining({ code: "bad_request" }),
    );
    expect(() => assertExtensionRequest({ workdays: 2, urgent: true, extensionsApproved: 0 }, policy)).toThrow(AppError);
    expect(() => complaintDeadlines({ dispatchedAt: sh("2025-09-26 10:00"), urgent: false, extensionWorkdays: 11 }, policy, calendar)).toThrow(AppError);
  });
});

describe("overdue checks → 督办", () => {
  const d = complaintDeadlines({ dispatchedAt: sh("2025-09-26 10:00"), urgent: false }, policy, calendar);

  it("moves from none to level 1 to level 2 as time passes unanswered", () => {
    expect(overdueState(d, {}, sh("2025-10-10 23:00"))).toMatchObject({ replyOverdue: false, supervisionLevel: 0 });
    expect(overdueState(d, {}, justAfter("2025-10-10"))).toMatchObject({ replyOverdue: true, supervisionLevel: 1 });
    expect(overdueState(d, {}, sh("2025-10-13 18:00")).supervisionLevel).toBe(1);
    expect(overdueState(d, {}, justAfter("2025-10-13")).supervisionLevel).toBe(2);
  });

  it("stops at the reply: answered in time stays clear, answered late keeps its level", () => {
    expect(overdueState(d, { repliedAt: sh("2025-10-10 16:00") }, sh("2025-11-30 10:00"))).toMatchObject({ replyOverdue: false, supervisionLevel: 0 });
    expect(overdueState(d, { repliedAt: sh("2025-10-11 09:00") }, sh("2025-11-30 10:00")).supervisionLevel).toBe(1);
  });

  it("flags late signing and closes the return window", () => {
    expect(overdueState(d, {}, sh("2025-09-29 09:00"))).toMatchObject({ signOverdue: true, canStillReturn: true });
    expect(overdueState(d, { signedAt: sh("2025-09-28 09:00") }, sh("2025-09-30 09:00"))).toMatchObject({ signOverdue: false, canStillReturn: false });
  });
});

describe("policy per province and type", () => {
  const overrides = [
    { province: "青海", policy: { replyWithinWorkdays: 7 } },
    { type: "consultation", policy: { replyWithinWorkdays: 1 } },
    { province: "青海", type: "environment", policy: { replyWithinWorkdays: 3, escalateAfterWorkdays: 1 } },
  ];

  it("lets the more specific override win and keeps defaults elsewhere", () => {
    expect(resolvePolicy(overrides, {}).replyWithinWorkdays).toBe(5);
    expect(resolvePolicy(overrides, { province: "青海" }).replyWithinWorkdays).toBe(7);
    expect(resolvePolicy(overrides, { province: "青海", type: "consultation" }).replyWithinWorkdays).toBe(1);
    expect(resolvePolicy(overrides, { province: "青海", type: "environment" })).toMatchObject({ replyWithinWorkdays: 3, escalateAfterWorkdays: 1, signWithinWorkdays: 1 });
  });

  it("rejects an invalid configured policy", () => {
    expect(() => resolvePolicy([{ policy: { replyWithinWorkdays: 0 } }], {})).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => resolvePolicy([{ policy: { reminderFraction: 1.5 } }], {})).toThrow(/reminderFraction/);
  });
});
