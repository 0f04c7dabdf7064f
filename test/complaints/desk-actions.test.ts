import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintsDeps } from "../../src/complaints/deps";
import { actOnComplaint } from "../../src/complaints/workflow/act-on-complaint";
import { DESK_ACTIONS } from "../../src/complaints/workflow/desk-actions";
import { isAppError } from "../../src/platform/errors";
import { testDbKinds } from "../support/db";
import { startComplaints, type Harness } from "./helpers";

/** Deps that fail the test if anything reaches the database: the refusals below come first. */
const untouched = new Proxy({}, { get: (_t, k) => { throw new Error(`deps.${String(k)} read`); } }) as ComplaintsDeps;
const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (isAppError(e) ? { code: e.reason, status: e.status, message: e.message, details: e.details } : e));

describe("the staff moves on a ticket (desk actions)", () => {
  it("names each move once", () => {
    const names = DESK_ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["dispatch", "sign", "reply", "extension/decision", "appeal/decision", "publish"]));
  });

  it("refuses a move it does not know as action_unknown (404), before touching anything", async () => {
    expect(await refusal(actOnComplaint(untouched, { action: "teleport", ref: "QH20260930000001", body: {}, actor: "a" }))).toMatchObject({
      code: "action_unknown",
      status: 404,
      message: "没有这个工单操作：teleport",
    });
  });

  it("refuses a body that does not fit the move as action_body_invalid (400), each problem named", async () => {
    const r = await refusal(actOnComplaint(untouched, { action: "extension", ref: "QH20260930000001", body: { workdays: "three" }, actor: "a" }));
    expect(r).toMatchObject({ code: "action_body_invalid", status: 400 });
    const { message, details } = r as { message: string; details: { issues: unknown[] } };
    expect(message).toMatch(/^工单操作“extension”的内容不正确：workdays: .+; reason: .+$/);
    expect(details.issues).toHaveLength(2);
  });
});

describe.each(testDbKinds())("desk actions on the database (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startComplaints(db);
  });
  afterAll(async () => {
    await h?.service.stop();
  });

  it("hides a ticket of another department from a handler exactly as an unknown one, and moves nothing", async () => {
    const ticketNo = await h.fileFromMiniProgram({ text: "小区门口的路灯坏了一个月" });
    await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/dispatch`, { department: "西宁市城东区住建局" });
    const deps = { app: h.service.ctx } as unknown as ComplaintsDeps;
    const r = await refusal(actOnComplaint(deps, { action: "sign", ref: ticketNo, body: {}, actor: "h", department: "西宁市城西区住建局" }));
    expect(r).toMatchObject({ code: "ticket_not_found", status: 404, message: `工单不存在：${ticketNo}` });
    expect((await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json.status).toBe("dispatched");
  });

  it("gives the console the moved ticket; its timeline records the move", async () => {
    const ticketNo = await h.fileFromMiniProgram({ text: "楼道里的灯坏了很久了" });
    await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/dispatch`, { department: "西宁市城东区住建局" });
    const view = await h.cap.desk.act("sign", ticketNo, undefined, "console-user");
    expect(view).toMatchObject({ ticketNo, status: "signed" });
    expect((await h.cap.desk.get(ticketNo)).events?.at(-1)).toMatchObject({ from: "dispatched", to: "signed", actor: "console-user" });
  });
});
