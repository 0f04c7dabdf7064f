import { describe, expect, it } from "vitest";
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  TERMINAL_STATUSES,
  assertTransition,
  canTransition,
  isTerminal,
  parseTransition,
  pausesClock,
  requiredFields,
  type ApplicationStatus,
} from "../../src/applications/application-status";
import { AppError } from "../../src/platform/errors";

// Written out independently of the source table, so a change there must be made here too.
const ALLOWED = new Set([
  "submitted>accepted", "submitted>rejected", "submitted>supplement_required", "submitted>withdrawn",
  "supplement_required>supplement_submitted", "supplement_required>rejected", "supplement_required>withdrawn",
  "supplement_submitted>accepted", "supplement_submitted>under_review", "supplement_submitted>supplement_required",
  "supplement_submitted>rejected", "supplement_submitted>withdrawn",
  "accepted>under_review", "accepted>supplement_required", "accepted>suspended", "accepted>decided", "accepted>withdrawn",
  "under_review>supplement_required", "under_review>special_procedure", "under_review>suspended",
  "under_review>decided", "under_review>withdrawn",
  "special_procedure>under_review", "special_procedure>withdrawn",
  "suspended>under_review", "suspended>withdrawn",
  "decided>delivered",
]);

const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));
const allowed = pairs.filter(([f, t]) => ALLOWED.has(`${f}>${t}`));
const refused = pairs.filter(([f, t]) => !ALLOWED.has(`${f}>${t}`));

describe("application status transitions", () => {
  it("covers all 121 pairs", () => {
    expect(allowed.length + refused.length).toBe(121);
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
    const e = error as AppError;
    expect(e.code).toBe("unprocessable");
    expect(e.message).toContain(`从“${APPLICATION_STATUS_LABELS[from]}”变更为“${APPLICATION_STATUS_LABELS[to]}”`);
    expect(e.details).toEqual({ from, to });
  });

  it("says why: a terminal state, or what is possible instead", () => {
    expect(() => assertTransition("withdrawn", "under_review")).toThrow("“已撤回”是终结状态");
    expect(() => assertTransition("special_procedure", "decided")).toThrow("可变更为：“部门办理中”、“已撤回”");
  });

  it("knows the terminal states and the clock-pausing states", () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(["delivered", "rejected", "withdrawn"]);
    expect(isTerminal("decided")).toBe(false);
    const pausing = APPLICATION_STATUSES.filter(pausesClock);
    expect(pausing).toEqual(["supplement_required", "special_procedure", "suspended"]);
  });
});

describe("details a move must carry", () => {
  it.each<[ApplicationStatus, string[]]>([
    ["rejected", ["reason"]],
    ["supplement_required", ["materials"]],
    ["special_procedure", ["procedureKind"]],
    ["suspended", ["reason"]],
    ["decided", ["outcome", "resultText"]],
    ["accepted", []],
    ["delivered", []],
  ])("requiredFields(%s) = %j", (to, fields) => {
    expect(requiredFields(to)).toEqual(fields);
  });

  it("parses valid details", () => {
    expect(parseTransition("submitted", "rejected", { reason: "不属于本机关职权范围" })).toEqual({ reason: "不属于本机关职权范围" });
    expect(parseTransition("under_review", "decided", { outcome: "approved", resultText: "准予许可" })).toMatchObject({
      outcome: "approved",
    });
    expect(parseTransition("under_review", "special_procedure", { procedureKind: "expert_review" })).toEqual({
      procedureKind: "expert_review",
    });
    expect(parseTransition("accepted", "under_review", undefined)).toEqual({});
  });

  it("refuses missing or invalid details with bad_request naming the fields", () => {
    expect(() => parseTransition("submitted", "rejected", {})).toThrow("变更为“不予受理”需要填写：reason");
    expect(() => parseTransition("submitted", "rejected", { reason: "  " })).toThrow(expect.objectContaining({ code: "bad_request" }));
    expect(() => parseTransition("under_review", "supplement_required", { materials: [] })).toThrow(/materials/);
    expect(() => parseTransition("under_review", "special_procedure", { procedureKind: "auction" })).toThrow(/procedureKind/);
    expect(() => parseTransition("under_review", "decided", { outcome: "maybe" })).toThrow(/outcome、resultText/);
  });

  it("checks the move before the details", () => {
    expect(() => parseTransition("delivered", "rejected", { reason: "x" })).toThrow(expect.objectContaining({ code: "unprocessable" }));
  });
});
