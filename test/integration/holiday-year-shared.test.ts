import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  const ask = async (question: string, sessionId: string) =>
    ((await (await fetch(`${svc.url}/api/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question, sessionId }) })).json()) as { text: string }).text;

  it("refuses the dispatch while 2027 is unconfirmed, then accepts it once staff add 2027", async () => {
    const session = crypto.randomUUID();
    await ask("我要投诉", session);
    await ask("小区门口的路灯坏了一个月了，晚上很黑", session);
    await ask("西宁市城西区五四西路", session);
    await ask("上个月开始", session);
    const ticket = /QH\d+/.exec(await ask("否", session))?.[0];
    expect(ticket).toBeDefined();

    const refused = await staff("POST", `/api/v1/admin/complaints/${ticket}/dispatch`, { department: "西宁市城西区住房和城乡建设局" });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("2027");

    expect((await staff("POST", "/api/v1/admin/holiday-years", staff2027)).status).toBe(201);
    const accepted = await staff("POST", `/api/v1/admin/complaints/${ticket}/dispatch`, { department: "西宁市城西区住房和城乡建设局" });
    expect(accepted.status).toBe(200);
  });
});
