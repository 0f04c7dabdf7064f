import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../support/db";
import { APPLICANT, chatWith, randomOpenid, sh, startHarness, type Harness } from "./harness";

// The applicant is told "已纳入电子监察" only when staff can see that alert: the read flags the
// application itself when the scheduled supervision run (hourly here) has not come round.
describe.each(testDbKinds())("overdue: what the applicant is told, staff see (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 08:00"));
  }, 60_000);
  afterAll(() => h?.stop());

  const alertsOf = async (number: string) => (await h.admin("GET", "/api/v1/admin/supervision/alerts?limit=100")).body.items.filter((a: { number: string }) => a.number === number);

  it("the alert exists when the progress reply says 已纳入电子监察", async () => {
    const openid = randomOpenid();
    await h.addUser({ oaOpenid: openid, phone: APPLICANT.phone });
    const { number } = await h.create("W3");
    await h.move(number, "accepted", sh("2025-11-03 09:00"));
    // Three working days: due 6 November. A week later nobody has run supervision yet.
    h.clock.now = sh("2025-11-12 10:00");
    expect(await alertsOf(number)).toEqual([]);

    const reply = await chatWith(h, "wechat", openid)(`进度 ${number}`);
    expect(reply).toContain("已纳入电子监察");
    const alerts = await alertsOf(number);
    expect(alerts.map((a: { kind: string }) => a.kind).sort()).toEqual(["overdue", "warning"]);
    expect(alerts.every((a: { flaggedAt: string }) => a.flaggedAt === h.clock.now.toISOString())).toBe(true);

    // Asking again changes nothing: one alert of each kind, as the scheduled run would leave it.
    await chatWith(h, "wechat", openid)(`进度 ${number}`);
    expect(await alertsOf(number)).toHaveLength(2);
    const counts = (await h.admin("GET", "/api/v1/admin/supervision/counts")).body.departments.find((d: { department: string }) => d.department === "省药监局");
    expect(counts).toMatchObject({ overdue: 1, warning: 1 });
  });

  it("an application paused after its due date, never flagged, is not said to be supervised", async () => {
    const openid = randomOpenid();
    await h.addUser({ oaOpenid: openid, phone: "13700000002" });
    const { number } = await h.create("W3", { name: "郑一", phone: "13700000002" });
    await h.move(number, "accepted", sh("2025-11-13 09:00"));
    // Due 18 November; the 补正 came on the 20th, and nobody read or supervised it in between.
    await h.move(number, "supplement_required", sh("2025-11-20 10:00"), { materials: ["申请表"] });
    h.clock.now = sh("2025-11-28 10:00");
    const reply = await chatWith(h, "wechat", openid)(`进度 ${number}`);
    expect(reply).toContain("已超期");
    expect(reply).not.toContain("已纳入电子监察");
    expect(await alertsOf(number)).toEqual([]);
  });
});
