import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_COMPLAINT_POLICY, resolvePolicy } from "../../src/complaints/deadlines";
import { loadComplaintPolicies } from "../../src/complaints/policy-file";
import { ConfigError } from "../../src/platform/config";
import { startComplaints, testClock, type Harness } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zw-policies-"));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

/**
 * Deadlines and supervision thresholds come from a file the province edits
 * (config/complaint-policies.yaml or COMPLAINT_POLICIES_FILE), checked at start.
 */
describe("complaint policy file", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("ships the built-in values, so the documented file and the code agree", () => {
    const shipped = loadComplaintPolicies();
    expect(resolvePolicy(shipped.policies, { province: "630000", type: "complaint" })).toEqual(DEFAULT_COMPLAINT_POLICY);
    expect(shipped.policies[0]!.policy).toEqual(DEFAULT_COMPLAINT_POLICY);
    expect(shipped).toMatchObject({ supervisionEveryMs: 60_000, hotThreshold: 5, hotWindowHours: 24 });
  });

  it("applies region and kind overrides, the more specific winning", () => {
    const f = loadComplaintPolicies(
      write("overrides.yaml", `defaults: { replyWithinWorkdays: 7 }
overrides:
  - { kind: consultation, policy: { replyWithinWorkdays: 3 } }
  - { region: "630000", policy: { replyWithinWorkdays: 6, escalateAfterWorkdays: 1 } }
supervision: { hotThreshold: 8 }
`),
    );
    expect(resolvePolicy(f.policies, { province: "630100", type: "complaint" })).toMatchObject({ replyWithinWorkdays: 7, escalateAfterWorkdays: 2 });
    expect(resolvePolicy(f.policies, { province: "630000", type: "complaint" })).toMatchObject({ replyWithinWorkdays: 6, escalateAfterWorkdays: 1 });
    expect(resolvePolicy(f.policies, { province: "630000", type: "consultation" })).toMatchObject({ replyWithinWorkdays: 3, escalateAfterWorkdays: 1 });
    expect(f.hotThreshold).toBe(8);
  });

  it("refuses an invalid file, listing every problem", () => {
    const file = write("bad.yaml", `defaults: { replyWithinWorkdays: 0, reminderFraction: 1.5, replyWithinDays: 3 }
overrides:
  - { kind: complain, policy: {} }
  - { policy: { replyWithinWorkdays: 3 } }
supervision: { hotThreshold: 1 }
`);
    const err = (() => {
      try {
        loadComplaintPolicies(file);
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    const text = err.problems.join("\n");
    for (const where of ["defaults.replyWithinWorkdays", "defaults.reminderFraction", "replyWithinDays", "overrides.0.kind", "overrides.1", "supervision.hotThreshold"]) {
      expect(text).toContain(where);
    }
    expect(() => loadComplaintPolicies(write("broken.yaml", "defaults: [unclosed"))).toThrow(ConfigError);
    expect(() => loadComplaintPolicies(path.join(dir, "missing.yaml"))).toThrow(ConfigError);
  });

  describe("through the service", () => {
    let h: Harness;
    // Monday 2026-03-02 10:00 Shanghai; no holiday in March 2026.
    const clock = testClock("2026-03-02T02:00:00Z");
    beforeAll(async () => {
      const file = write("ten-days.yaml", "defaults: { replyWithinWorkdays: 10 }\nsupervision: { hotThreshold: 2, hotWindowHours: 6 }\n");
      // The harness's own hotThreshold is dropped, so the file's is the one in force.
      h = await startComplaints("pglite", { now: clock.now, env: { COMPLAINT_POLICIES_FILE: file }, options: { hotThreshold: undefined } });
    });
    afterAll(async () => {
      await h?.service.stop();
    });

    it("a changed reply limit changes the deadline the ticket gets", async () => {
      const ticketNo = await h.fileFromMiniProgram({ text: "工地半夜施工噪音扰民，连续一周" });
      const view = (await h.staff("GET", `/api/v1/admin/complaints/${ticketNo}`)).json;
      // 10 working days from Monday 2 March end on Monday 16 March (the shipped 5: Monday 9 March).
      expect(view.deadlines.replyDueAt).toBe("2026-03-16T15:59:59.999Z");
    });

    it("the file's 热点 threshold and window decide what the dispatcher sees as a burst", async () => {
      const hot = async () => (await h.staff("GET", "/api/v1/admin/complaints/hot")).json.items.map((g: { ticketNos: string[] }) => g.ticketNos);
      const a = await h.fileFromMiniProgram({ text: "城东区八一路的路灯全坏了，晚上一片漆黑", address: "西宁市城东区八一路" });
      expect(await hot()).toEqual([]);
      // Two similar tickets at one place are a 热点 under the file's threshold of 2 (the shipped 5 would need three more).
      const b = await h.fileFromMiniProgram({ text: "城东区八一路路灯全坏了，晚上一片漆黑！", address: "西宁市城东区八一路口" });
      expect(await hot()).toEqual([[a, b]]);
      // … for the file's 6 hours, not the shipped 24.
      clock.advanceHours(7);
      expect(await hot()).toEqual([]);
    });

    it("an invalid file stops the start with the problem named, before the database is opened", async () => {
      const file = write("zero.yaml", "defaults: { replyWithinWorkdays: 0 }\n");
      const t0 = Date.now();
      await expect(startComplaints("pglite", { env: { COMPLAINT_POLICIES_FILE: file } })).rejects.toThrow(ConfigError);
      await expect(startComplaints("pglite", { env: { COMPLAINT_POLICIES_FILE: file } })).rejects.toThrow(/replyWithinWorkdays/);
      // No migrations ran: a refusal takes milliseconds, not the seconds of opening a database.
      expect(Date.now() - t0).toBeLessThan(3000);
    });
  });
});
