import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../src/miniprogram";
import { testDbKinds } from "../support/db";
import { ADMIN_TOKEN, countQueries, sh, startHarness, type Harness } from "./harness";

/**
 * The staff list and the citizen's "my applications" show each row's timeline and clock.
 * They must load the timelines of a page together: the number of database queries a request
 * makes may not grow with the number of rows on the page (counted on the service's own client).
 */
describe.each(testDbKinds())("list pages load timelines together (%s)", (db) => {
  let h: Harness;
  const phoneOf = (i: number) => `1390000${String(i).padStart(4, "0")}`;
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 08:00"));
    // Seven applications with three events each; the applicant of the first five shares a phone.
    for (let i = 0; i < 7; i++) {
      h.clock.now = sh("2025-11-03 08:00");
      const { number } = await h.create("W5", { name: "李四", phone: i < 5 ? phoneOf(1) : phoneOf(2) });
      await h.move(number, "accepted", sh("2025-11-03 09:00"));
      await h.move(number, "under_review", sh("2025-11-03 10:00"));
    }
    h.clock.now = sh("2025-11-05 10:00");
  }, 60_000);
  afterAll(() => h?.stop());

  async function countRequest(request: () => Promise<Response>): Promise<{ queries: number; body: any }> {
    const { queries, result: res } = await countQueries(h, request);
    expect(res.status).toBe(200);
    return { queries, body: await res.json() };
  }

  const staffList = (limit: number) => () => fetch(`${h.service.url}/api/v1/admin/applications?limit=${limit}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

  it("staff list: the same queries for a page of 1 and a page of 7, each row with its timeline", async () => {
    await staffList(1)(); // the calendar is built once per instance, not per request
    const one = await countRequest(staffList(1));
    const seven = await countRequest(staffList(7));
    expect(one.body.items).toHaveLength(1);
    expect(seven.body.items).toHaveLength(7);
    expect(seven.queries).toBe(one.queries);
    expect(seven.queries).toBeLessThanOrEqual(2);
    for (const item of seven.body.items) {
      expect(item.lastStep.status).toBe("under_review");
      expect(item.clock).toMatchObject({ started: true, dueDate: "2025-11-10" });
    }
  });

  it("my applications: the same queries for a citizen with 2 and with 5", async () => {
    const mine = async (phone: string) => {
      const user = await h.addUser({ mpOpenid: `o_list_${phone}`, phone });
      const { token } = await createSession(h.service.ctx, user);
      return () => fetch(`${h.service.url}/api/v1/mp/applications`, { headers: { authorization: `Bearer ${token}` } });
    };
    const two = await countRequest(await mine(phoneOf(2)));
    const five = await countRequest(await mine(phoneOf(1)));
    expect(two.body.items).toHaveLength(2);
    expect(five.body.items).toHaveLength(5);
    expect(five.queries).toBe(two.queries);
    for (const item of five.body.items) expect(item.lastStep.status).toBe("under_review");
  });
});
