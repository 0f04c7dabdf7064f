import type { Context } from "koa";
import { describe, expect, it } from "vitest";
import type { ComplaintsDeps } from "../../src/complaints/deps";
import { open311Handler } from "../../src/complaints/http/open311-format";
import { getOpen311Service } from "../../src/complaints/open311/get-open311-service";
import { isAppError } from "../../src/platform/errors";

const deps = { app: { config: { OPEN311_JURISDICTION_ID: "qinghai.gov.cn" } } } as unknown as ComplaintsDeps;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? [e.reason, e.status, e.message] : e;
  }
  return undefined;
};

describe("Open311 service definitions", () => {
  it("answers a known service code with the category it files into", () => {
    expect(getOpen311Service(deps, { code: "QH-001", jurisdictionId: "qinghai.gov.cn" })).toEqual({ code: "QH-001", category: expect.any(String) });
  });

  it("refuses another jurisdiction before looking at the code, and an unknown or prototype code as not found", () => {
    expect(refusal(() => getOpen311Service(deps, { code: "QH-999", jurisdictionId: "beijing.gov.cn" }))).toEqual(["jurisdiction_not_found", 404, "jurisdiction_id beijing.gov.cn not found"]);
    for (const code of ["QH-999", "__proto__", "toString"]) expect(refusal(() => getOpen311Service(deps, { code }))).toEqual(["service_code_not_found", 404, `service_code ${code} not found`]);
  });
});

describe("Open311 errors", () => {
  it("answers a failure of ours as a 500 in the spec's error list, its description from the templates", async () => {
    const c = { state: {}, set: () => undefined } as unknown as Context;
    await open311Handler("json", async () => {
      throw new Error("boom");
    })(c);
    expect([c.status, c.body]).toEqual([500, [{ code: 500, description: "Internal server error" }]]);
  });
});
