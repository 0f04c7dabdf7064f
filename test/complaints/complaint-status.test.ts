import { describe, expect, it } from "vitest";
import {
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TERMINAL_STATUSES,
  assertCanRequestExtension,
  assertTransition,
  canTransition,
  requiredFields,
} from "../../src/complaints/complaint-status";
import { AppError } from "../../src/platform/errors";

// Written out independently of the source table, so a change there must be made here too.
const ALLOWED = new Set([
  "accepted>dispatched", "accepted>replied", "accepted>merged",
  "dispatched>signed", "dispatched>returned", "dispatched>merged",
  "signed>in_progress", "signed>returned",
  "returned>dispatched", "returned>replied", "returned>merged",
  "in_progress>extension_requested", "in_progress>replied",
  "extension_requested>extension_approved", "extension_requested>in_progress",
  "extension_approved>replied",
  "replied>visited", "replied>rated", "replied>closed", "replied>reopened",
  "visited>rated", "visited>reopened", "visited>closed",
  "rated>closed", "rated>reopened",
  "reopened>in_progress", "reopened>dispatched",
]);

const pairs = COMPLAINT_STATUSES.flatMap((from) => COMPLAINT_STATUSES.map((to) => [from, to] as const));
const allowed = pairs.filter(([f, t]) => ALLOWED.has(`${f}>${t}`));
const refused = pairs.filter(([f, t]) => !ALLOWED.has(`${f}>${t}`));

describe("12345 work-order transitions", () => {
  it("covers all 169 pairs", () => {
    expect(allowed.length + refused.length).toBe(169);
    expect(allowed.length).toBe(ALLOWED.size);
  });

  it.each(allowed)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(refused)("refuses %s → %s naming both statuses in Chinese", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unprocessable");
    expect((error as AppError).message).toContain(`从“${COMPLAINT_STATUS_LABELS[from]}”变更为“${COMPLAINT_STATUS_LABELS[to]}”`);
  });

  it("ends only in 已办结 or 已合并", () => {
    expect([...COMPLAINT_TERMINAL_STATUSES].sort()).toEqual(["closed", "merged"]);
    expect(() => assertTransition("merged", "dispatched")).toThrow("“已合并”是终结状态");
  });

  it("lets a returned ticket be re-dispatched and a reopened one be handled again", () => {
    const path = ["accepted", "dispatched", "returned", "dispatched", "signed", "in_progress", "replied", "visited", "reopened", "in_progress", "replied", "rated", "closed"] as const;
    for (let i = 1; i < path.length; i++) expect(() => assertTransition(path[i - 1]!, path[i]!)).not.toThrow();
  });

  it("sends a refused extension request back to handling", () => {
    expect(canTransition("extension_requested", "in_progress")).toBe(true);
  });

  it("allows one approved extension per ticket, even across 重办", () => {
    expect(() => assertCanRequestExtension(["accepted", "dispatched", "signed", "in_progress"])).not.toThrow();
    expect(() => assertCanRequestExtension(["in_progress", "extension_requested", "in_progress"])).not.toThrow();
    expect(() =>
      assertCanRequestExtension(["in_progress", "extension_requested", "extension_approved", "replied", "reopened", "in_progress"]),
    ).toThrow("已延期过一次");
  });

  it("names what each move must record", () => {
    expect(requiredFields("returned")).toEqual(["reason"]);
    expect(requiredFields("merged")).toEqual(["intoTicketId"]);
    expect(requiredFields("extension_requested")).toEqual(["workdays", "reason"]);
    expect(requiredFields("signed")).toEqual([]);
  });
});
