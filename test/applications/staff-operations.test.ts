import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeApplicationStatus } from "../../src/applications/change-application-status";
import { getApplication } from "../../src/applications/get-application";
import { registerApplication } from "../../src/applications/register-application";
import { testDbKinds } from "../support/db";
import { APPLICANT, ITEMS, sh, startHarness, type Harness } from "./harness";

/** The operations behind the staff API's routes, called as the routes call them. */
describe.each(testDbKinds())("staff application operations (%s)", (db) => {
  let h: Harness;
  const staff = { source: "staff" as const, sourceId: "admin", actor: "tester" };
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-03 09:00"));
  }, 60_000);
  afterAll(() => h?.stop());

  it("registers an application and reads it back with its timeline and running clock state", async () => {
    const state = await registerApplication(h.deps, { itemCode: "W5", applicant: APPLICANT, channel: "counter", ...staff });
    expect(state.application).toMatchObject({ itemCode: "W5", department: ITEMS.W5!.department, status: "submitted" });
    expect(state.events.map((e) => e.status)).toEqual(["submitted"]);
  });

  it("moves an application of the staff member's own department, and says whether the move became current", async () => {
    const { application } = await registerApplication(h.deps, { itemCode: "W6", applicant: APPLICANT, channel: "counter", ...staff });
    const r = await changeApplicationStatus(h.deps, { number: application.number, status: "accepted", ...staff, onlyDepartment: ITEMS.W6!.department });
    expect(r.applied).toBe(true);
    expect(r.state.application.status).toBe("accepted");
    expect(r.state.events.map((e) => e.status)).toEqual(["submitted", "accepted"]);
  });

  it("treats another department's application as unknown: nothing is recorded, and it cannot be read", async () => {
    const { application } = await registerApplication(h.deps, { itemCode: "W3", applicant: APPLICANT, channel: "counter", ...staff });
    const other = ITEMS.W5!.department;
    await expect(changeApplicationStatus(h.deps, { number: application.number, status: "accepted", ...staff, onlyDepartment: other })).rejects.toMatchObject({
      reason: "application_not_found",
    });
    expect(await h.service.ctx.db.prisma.applicationEvent.count({ where: { applicationId: application.id } })).toBe(1);
    await expect(getApplication(h.deps, { number: application.number, onlyDepartment: other })).rejects.toMatchObject({ reason: "application_not_found" });
    expect((await getApplication(h.deps, { number: application.number, onlyDepartment: ITEMS.W3!.department })).application.id).toBe(application.id);
    expect((await getApplication(h.deps, { number: application.number })).application.id).toBe(application.id);
  });
});
