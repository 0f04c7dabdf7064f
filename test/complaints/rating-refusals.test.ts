import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { startComplaints, type Harness } from "./helpers";

/**
 * Issue 19, rating: a rating before the reply, or a second one, is refused in the citizen's
 * words with a domain code of its own — on the mini-program's rating endpoint as in chat —
 * never with the state machine's "工单状态不能从…变更为…".
 */
describe.each(testDbKinds())("rating at the wrong time (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startComplaints(db);
  }, 120_000);
  afterAll(async () => {
    await h?.service.stop();
  });

  it("before the reply: 422 rating_not_ready '工单答复后即可评价'; twice: 409 rating_already_given", async () => {
    const { token } = await h.mpToken();
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const filed = await fetch(`${h.service.url}/api/v1/mp/complaints`, { method: "POST", headers: auth, body: JSON.stringify({ text: "小区垃圾一个星期没人清运，气味很大" }) });
    const { ticketNo } = (await filed.json()) as { ticketNo: string };
    const rate = (satisfaction: string) => fetch(`${h.service.url}/api/v1/mp/complaints/${ticketNo}/rating`, { method: "POST", headers: auth, body: JSON.stringify({ satisfaction }) });

    const early = await rate("满意");
    expect(early.status).toBe(422);
    const e1 = ((await early.json()) as { error: { code: string; message: string } }).error;
    expect(e1.code).toBe("rating_not_ready");
    expect(e1.message).toContain("工单答复后即可评价");
    expect(e1.message).not.toMatch(/不能从|变更为/);

    for (const [step, body] of [["sign", {}], ["progress", { note: "已检查" }], ["reply", { replyText: "已安排每日清运" }]] as const) {
      expect((await h.staff("POST", `/api/v1/admin/complaints/${ticketNo}/${step}`, body)).status).toBe(200);
    }
    expect((await rate("满意")).status).toBe(200);
    const twice = await rate("不满意");
    expect(twice.status).toBe(409);
    const e2 = ((await twice.json()) as { error: { code: string; message: string } }).error;
    expect(e2).toMatchObject({ code: "rating_already_given" });
    expect(e2.message).toContain("已评价过（满意）");
    expect(e2.message).not.toMatch(/不能从|变更为/);
  });
});
