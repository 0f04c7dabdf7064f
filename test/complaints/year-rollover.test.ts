import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHolidayYear } from "../../src/calendar";
import { staff2027 } from "../calendar/fixtures";
import { testDbKinds } from "../support/db";
import { startComplaints, testClock, type Harness } from "./helpers";

// Wednesday 23 December 2026, 10:00 Shanghai: the reply deadline (5 working days) ends on
// 30 December, but the escalation two working days later falls in 2027, not yet confirmed.
const START = "2026-12-23T02:00:00Z";

describe.each(testDbKinds())("complaint dispatch before the next year is confirmed (%s)", (db) => {
  let h: Harness;
  const clock = testClock(START);
  beforeAll(async () => {
    h = await startComplaints(db, { now: clock.now });
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  it("dispatches on 23 December with the escalation pending, fills it in when staff add 2027, and escalates on it", async () => {
    const ticketNo = await h.fileFromMiniProgram({ text: "小区门口的路灯坏了一个月了，晚上很黑" });
    const r = await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/dispatch`, { department: "西宁市城西区住建局" });
    expect(r.status).toBe(200);
    expect(r.json.deadlines).toMatchObject({
      replyDueAt: "2026-12-30T15:59:59.999Z",
      supervisionAt: "2026-12-30T16:00:00.000Z",
      escalationAt: null,
      escalationPending: true,
    });

    // Adding a holiday year recomputes open complaints' deadlines: the pending date is filled in.
    await addHolidayYear(h.service.ctx, { arrangement: staff2027, createdBy: "张科长" });
    const after = await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`);
    // 31 Dec 1, (1–3 Jan off) 4 Jan 2 → from the first instant after 4 January.
    expect(after.json.deadlines).toMatchObject({ escalationAt: "2027-01-04T16:00:00.000Z", escalationPending: false });

    clock.set("2027-01-05T01:00:00Z");
    await h.staff("POST", "/api/v1/admin/complaints/supervision/run");
    const types = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["supervision", "escalation"]));
  });

  it("still refuses a dispatch whose reply deadline itself falls in an unconfirmed year", async () => {
    clock.set("2027-12-28T02:00:00Z"); // 2028 is not confirmed; five working days reach into it
    const ticketNo = await h.fileFromMiniProgram({ text: "楼道里的灯坏了很久没人修" });
    const r = await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/dispatch`, { department: "西宁市城西区住建局" });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json)).toContain("2028");
  });
});
