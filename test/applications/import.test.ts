import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importApplicationsCsv } from "../../src/applications";
import { testDbKinds } from "../support/db";
import { sh, startHarness, type Harness } from "./harness";

const CSV = [
  "external_ref,item_code,applicant_name,id_number,phone,channel,status,occurred_at,note,actor,event_id,details",
  "UP-1,W5,王五,630102198001011111,13811112222,,已接件,2025-11-03T09:00:00+08:00,,窗口,,",
  "UP-1,,,,,,已受理,2025-11-03T10:00:00+08:00,,窗口,,",
  "UP-2,W5,赵六,,13833334444,,submitted,2025-11-03T09:30:00+08:00,,,,",
  "UP-2,,,,,,不予受理,2025-11-03T11:00:00+08:00,,,,",
  "UP-1,,,,,,补正,2025-11-04T09:00:00+08:00,,,,\"{\"\"materials\"\":[\"\"营业执照\"\"]}\"",
  "UP-3,W5,钱七,,13855556666,,已受理,2025-11-03T09:30:00+08:00,,,,",
  "UP-4,W5,孙八,,13877778888,,已接件,not-a-date,,,,",
].join("\n");

describe.each(testDbKinds())("CSV import (%s)", (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db, sh("2025-11-05 08:00"));
  }, 60_000);
  afterAll(() => h?.stop());

  it("imports the good rows and reports each bad one with its line number", async () => {
    const report = await importApplicationsCsv(h.deps, CSV);
    expect(report.imported).toBe(4);
    expect(report.rejected.map((r) => r.line)).toEqual([5, 7, 8]);
    expect(report.rejected[0]!.message).toContain("reason");
    expect(report.rejected[1]!.message).toContain("第一行必须是");
    expect(report.rejected[2]!.message).toContain("occurred_at");
    const up1 = await h.service.ctx.db.prisma.application.findUniqueOrThrow({ where: { externalRef: "UP-1" } });
    expect(up1).toMatchObject({ status: "supplement_required", channel: "import", paused: true });

    // The progress bar of applications:import hears of every row, rejected ones too.
    const progress: [number, number][] = [];
    const again = await importApplicationsCsv(h.deps, CSV, (done, total) => progress.push([done, total]));
    expect(again).toMatchObject({ imported: 0, duplicates: 4 });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]));
    expect(await h.service.ctx.db.prisma.applicationEvent.count({ where: { applicationId: up1.id } })).toBe(3);
  });
});
