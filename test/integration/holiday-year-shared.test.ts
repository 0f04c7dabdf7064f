import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../src/miniprogram";
import { startTestService, type TestService } from "../support/service";
import { staff2027 } from "../calendar/fixtures";

/**
 * Applications and complaints compute working-day deadlines from one calendar per instance.
 * A year nobody has confirmed blocks both; the year staff confirm through the holiday-years
 * endpoint unblocks both — including the complaint workflow's dispatch.
 */
describe("a staff-confirmed holiday year reaches complaint deadlines", () => {
  let svc: TestService;
  const now = new Date("2026-12-29T02:00:00Z"); // Tuesday 10:00 in Xining: 5 working days reach into 2027
  beforeAll(async () => {
    svc = await startTestService({ env: { ADMIN_TOKEN: "t0ken" }, now: () => now });
  });
  afterAll(async () => svc?.stop());

  const staff = (method: string, p: string, body?: unknown) =>
    fetch(`${svc.url}${p}`, {
      method,
      headers: { authorization: "Bearer t0ken", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // Filing a complaint is a personal command: the citizen asks with a mini-program session.
  const ask = async (question: string, token: string) =>
    ((await (await fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ question }) })).json()) as { text: string }).text;

  it("refuses the dispatch while 2027 is unconfirmed, then accepts it once staff add 2027", async () => {
    const { token: session } = await createSession(svc.ctx, crypto.randomUUID());
    await ask("我要投诉", session);
    await ask("小区门口的路灯坏了一个月了，晚上很黑", session);
    await ask("西宁市城西区五四西路", session);
    await ask("上个月开始", session);
    await ask("否", session);
    const ticket = /QH\d+/.exec(await ask("确认", session))?.[0];
    expect(ticket).toBeDefined();

    const refused = await staff("POST", `/api/v1/admin/complaints/${ticket}/dispatch`, { department: "西宁市城西区住房和城乡建设局" });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("2027");

    expect((await staff("POST", "/api/v1/admin/holiday-years", staff2027)).status).toBe(201);
    const accepted = await staff("POST", `/api/v1/admin/complaints/${ticket}/dispatch`, { department: "西宁市城西区住房和城乡建设局" });
    expect(accepted.status).toBe(200);
    ticketNo = ticket!;
  });

  let ticketNo = "";
  const replyDue = async () => ((await (await staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json()) as { deadlines: { replyDueAt: string } }).deadlines.replyDueAt;

  it("a correction to 2027 (one more day off) moves the open complaint's reply deadline by that day, audited", async () => {
    const before = await replyDue();
    // The State Council amends the arrangement: Monday 4 January 2027 becomes a day off too.
    const corrected = { ...staff2027, holidays: [...staff2027.holidays, "2027-01-04"], source: "test fixture, amended" };
    const res = await staff("PUT", "/api/v1/admin/holiday-years/2027", corrected);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ year: 2027, holidays: expect.arrayContaining(["2027-01-04"]), source: "test fixture, amended" });
    const after = await replyDue();
    expect(new Date(after).getTime() - new Date(before).getTime()).toBe(24 * 3600_000);

    const audit = (await (await staff("GET", "/api/v1/admin/audit?entity=holiday_year:2027")).json()) as { entries: { action: string; actor: string; diff: { from?: { holidays: string[] }; to: { holidays: string[] } } }[] };
    expect(audit.entries.map((e) => e.action).sort()).toEqual(["holiday_year.add", "holiday_year.correct"]);
    const correction = audit.entries.find((e) => e.action === "holiday_year.correct")!;
    expect(correction.diff.from?.holidays).not.toContain("2027-01-04");
    expect(correction.diff.to.holidays).toContain("2027-01-04");
  });

  it("a correction must name an entered year and match it; nothing changes otherwise", async () => {
    const due = await replyDue();
    const notEntered = await staff("PUT", "/api/v1/admin/holiday-years/2031", { ...staff2027, year: 2031, holidays: ["2031-01-01"], workdays: [] });
    expect([notEntered.status, ((await notEntered.json()) as { error: { code: string } }).error.code]).toEqual([404, "year_not_entered"]);
    const otherYear = await staff("PUT", "/api/v1/admin/holiday-years/2027", { ...staff2027, year: 2028, holidays: ["2028-01-01"], workdays: [] });
    expect([otherYear.status, ((await otherYear.json()) as { error: { code: string } }).error.code]).toEqual([400, "year_mismatch"]);
    expect((await staff("PUT", "/api/v1/admin/holiday-years/2027", { ...staff2027, holidays: ["2026-12-31"] })).status).toBe(400);
    expect(await replyDue()).toBe(due);
  });
});
