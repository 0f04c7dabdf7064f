import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHolidayYear } from "../../src/calendar";
import { sh } from "../calendar/fixtures";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`);
const justAfter = (day: string) => new Date(endOf(day).getTime() + 1);

/**
 * Staff correcting a holiday year (2026, which chinese-days knows: the staff entry is laid over
 * the package's; a correction is a new row after deleting the old one) moves the stored
 * deadlines of open tickets whose window crosses the corrected days — through the calendar's
 * change event, before addHolidayYear returns, in a fixed number of statements.
 */
describe.each(testDbKinds())("a holiday correction recomputes the deadlines of open complaints (%s)", (db) => {
  let h: Harness;
  const clock = testClock("2026-10-19T02:00:00Z");
  beforeAll(async () => {
    h = await startComplaints(db, { now: clock.now, options: { outbox: { sweepEveryMs: 3_600_000 } } });
  }, 60_000);
  afterAll(() => h?.service.stop());

  const prisma = () => h.service.ctx.db.prisma;
  const act = async (ticketNo: string, action: string, body: object = {}) => {
    const r = await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/${action}`, body);
    expect(r.status, `${action}: ${JSON.stringify(r.json)}`).toBe(200);
    return r.json;
  };
  /** A ticket filed and dispatched at `at` (Shanghai), then moved by `then` (action, body) pairs. */
  async function ticket(at: string, o: { urgent?: boolean; then?: [string, object?][] } = {}): Promise<string> {
    clock.set(sh(at).toISOString());
    const ticketNo = await h.fileFromMiniProgram({ text: "楼道的灯坏了好几天没人修", urgent: o.urgent ?? false });
    await act(ticketNo, "dispatch", { department: "城西区住建局" });
    for (const [action, body] of o.then ?? []) await act(ticketNo, action, body);
    return ticketNo;
  }
  const row = (ticketNo: string) => prisma().complaint.findUniqueOrThrow({ where: { ticketNo } });
  const events = async (ticketNo: string, type: string) =>
    prisma().complaintEvent.count({ where: { complaint: { ticketNo }, type } });
  const supervise = () => h.staff("POST", "/api/v1/admin/complaints/supervision/run");
  const replied: [string, object?][] = [["sign"], ["progress", { note: "已派人查看" }], ["reply", { replyText: "灯已修好" }]];

  /** Replaces the staff correction of 2026 and counts the Prisma operations adding it makes. */
  async function correct2026(holidays: string[], workdays: string[] = [], during?: () => Promise<void>): Promise<number> {
    await prisma().holidayYear.deleteMany({ where: { year: 2026 } });
    await h.service.ctx.queue.drain();
    const ctx = h.service.ctx;
    const original = ctx.db.prisma;
    let queries = 0;
    let armed = during;
    ctx.db.prisma = original.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          queries++;
          const result = await query(args);
          // Another request changes tickets between the refresh's read and its write.
          if (armed && model === "Complaint" && operation === "findMany") {
            const run = armed;
            armed = undefined;
            await run();
          }
          return result;
        },
      },
    }) as unknown as typeof original;
    try {
      await addHolidayYear(ctx, { arrangement: { year: 2026, holidays, workdays, source: "test correction" }, createdBy: "张科长" });
    } finally {
      ctx.db.prisma = original;
    }
    return queries;
  }

  it("moves open tickets whose window crosses the corrected day; earlier windows, urgent and closed tickets stay as they were", async () => {
    const earlier = await ticket("2026-10-19 10:00"); // due Mon 10-26, escalation 10-28
    const open = await ticket("2026-11-02 10:00");
    const answered = await ticket("2026-11-02 10:00", { then: [...replied, ["rating", { satisfaction: "不满意" }]] });
    const urgent = await ticket("2026-11-02 10:00", { urgent: true });
    const closed = await ticket("2026-11-02 10:00", { then: [...replied, ["close"]] });
    clock.set(sh("2026-11-02 12:00").toISOString());
    const before = await row(open);
    expect(before.replyDueAt).toEqual(endOf("2026-11-09")); // 3, 4, 5, 6, 9 Nov
    const untouched = await Promise.all([earlier, urgent, closed].map(row));

    await correct2026(["2026-11-04"]); // Wed 4 Nov made a day off

    const after = await row(open);
    expect(after).toMatchObject({
      signDueAt: endOf("2026-11-03"),
      returnDueAt: endOf("2026-11-05"),
      replyDueAt: endOf("2026-11-10"), // 3, 5, 6, 9, 10 Nov
      reminderAt: sh("2026-11-09 09:00"),
      supervisionAt: justAfter("2026-11-10"),
      escalationAt: justAfter("2026-11-12"),
      // The same deadline set, corrected: reminders/督办 keyed on it do not fire twice.
      deadlineVersion: before.deadlineVersion,
      supervisionStage: 0,
    });
    const rated = await row(answered);
    expect(rated).toMatchObject({ status: "rated", replyDueAt: endOf("2026-11-10"), rectification: "open" });
    expect(rated.rectificationDueAt).toEqual(endOf("2026-11-10")); // 整改: 5 working days from the 差评 on 2 Nov
    expect(await Promise.all([earlier, urgent, closed].map(row))).toEqual(untouched);
  });

  it("keeps a 督办 that already fired; a deadline moved later un-flags a 督办 not yet fired until the corrected instant", async () => {
    const supervised = await ticket("2026-12-07 10:00"); // due Mon 12-14
    const reminded = await ticket("2026-12-08 10:00"); // due Tue 12-15, reminder Mon 12-14 09:00
    clock.set(sh("2026-12-15 10:00").toISOString());
    await supervise();
    expect(await row(supervised)).toMatchObject({ supervisionStage: 2 });
    expect(await row(reminded)).toMatchObject({ supervisionStage: 1 });

    await correct2026(["2026-12-11"]); // Fri 11 Dec, already past, was a day off after all

    // Now due today: no longer overdue, but the 督办 was issued and stays on record.
    expect(await row(supervised)).toMatchObject({ replyDueAt: endOf("2026-12-15"), supervisionStage: 2 });
    expect(await row(reminded)).toMatchObject({ replyDueAt: endOf("2026-12-16"), supervisionAt: justAfter("2026-12-16"), supervisionStage: 1 });
    clock.set(sh("2026-12-16 10:00").toISOString()); // the old deadline's 督办 instant has passed
    await supervise();
    expect([await events(supervised, "supervision"), await events(reminded, "supervision")]).toEqual([1, 0]);
    clock.set(sh("2026-12-17 10:00").toISOString());
    await supervise();
    expect([await events(supervised, "supervision"), await events(reminded, "supervision"), await events(reminded, "reminder")]).toEqual([1, 1, 1]);
  });

  it("needs as many queries for 7 open tickets as for 2", async () => {
    for (let i = 0; i < 2; i++) await ticket("2026-12-21 10:00");
    clock.set(sh("2026-12-21 12:00").toISOString());
    const two = await correct2026(["2026-12-23"]);
    const five = [];
    for (let i = 0; i < 5; i++) five.push(await ticket("2026-12-21 10:00"));
    clock.set(sh("2026-12-21 12:00").toISOString());
    const seven = await correct2026(["2026-12-24"]);
    for (const t of five) expect(await row(t)).toMatchObject({ returnDueAt: endOf("2026-12-23"), replyDueAt: endOf("2026-12-29") });
    expect(seven).toBe(two);
  });

  it("does not overwrite a ticket another request changed meanwhile, and recomputes it from what that request left", async () => {
    const inProgress: [string, object?][] = [["sign"], ["progress", { note: "已派人查看" }]];
    const extended = await ticket("2026-11-16 10:00", { then: [...inProgress, ["extension", { workdays: 3, reason: "需采购灯具" }]] });
    const published = await ticket("2026-11-16 10:00", { then: inProgress });
    expect((await row(extended)).replyDueAt).toEqual(endOf("2026-11-23")); // 17, 18, 19, 20, 23 Nov
    clock.set(sh("2026-11-16 11:00").toISOString());

    await correct2026(["2026-11-18"], [], async () => {
      // Approved on the new calendar: 5 + 3 working days from 16 Nov without the 18th.
      expect((await act(extended, "extension/decision", { approve: true })).deadlines.replyDueAt).toBe(endOf("2026-11-27").toISOString());
      await act(published, "publish", { publicInterest: true });
    });

    expect(await row(extended)).toMatchObject({ status: "extension_approved", extensionWorkdays: 3, replyDueAt: endOf("2026-11-27") });
    expect(await row(published)).toMatchObject({ status: "in_progress", publicInterest: true, replyDueAt: endOf("2026-11-24") }); // 17, 19, 20, 23, 24 Nov
  });
});
